package city.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.testing.GridTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deliveries are claimed, not held locked while a channel works: a claim is committed as {@code sending};
 * nobody else takes it until it lapses; a try reporting after its claim lapsed and was taken over changes
 * nothing; a delivery whose alert was acked before its turn is cancelled, not sent. Times are a day ahead,
 * so the service's own timers (which deliver what is due now) leave these rows alone.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class AlertDeliveryClaimTest {

    private static final long LATER = System.currentTimeMillis() + 86_400_000L;

    @Inject
    AlertRepository alerts;

    @Test
    void aClaimHoldsADeliveryUntilItLapsesAndOnlyTheLatestTryRecords() {
        UUID alert = UUID.randomUUID();
        long delivery = alerts.inTransaction(work -> {
            work.insertAlert(alert(alert));
            long recipient = work.addRecipient(alert, "w-claim", 1, 1, "alert", "person", LATER);
            return work.addDelivery(recipient, alert, "w-claim", "webhook:none", "alert", LATER, "{}", LATER);
        });

        List<AlertDelivery> first = alerts.inTransaction(work -> work.claimDueDeliveries(LATER, 10, List.of(delivery),
                LATER + 1_000));
        assertThat(first).extracting(AlertDelivery::id, AlertDelivery::attempt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(delivery, 1));
        assertThat(state(delivery)).isEqualTo("sending");
        List<AlertDelivery> meanwhile = alerts.inTransaction(work -> work.claimDueDeliveries(LATER + 999, 10,
                List.of(delivery), LATER + 5_000));
        assertThat(meanwhile).as("claimed: nobody else takes it").isEmpty();

        List<AlertDelivery> again = alerts.inTransaction(work -> work.claimDueDeliveries(LATER + 1_000, 10,
                List.of(delivery), LATER + 5_000));
        assertThat(again).as("the claim lapsed: tried again").extracting(AlertDelivery::attempt).containsExactly(2);
        boolean lateFirst = alerts.inTransaction(work -> work.recordTry(delivery, 1, "sent", null, null, LATER));
        assertThat(lateFirst).as("the first try reports late").isFalse();
        assertThat(state(delivery)).isEqualTo("sending");
        boolean second = alerts.inTransaction(work -> work.recordTry(delivery, 2, "retry", LATER + 9_000, "HTTP 503",
                null));
        assertThat(second).isTrue();
        assertThat(state(delivery)).isEqualTo("retry");
    }

    @Test
    void aDeliveryWhoseAlertWasAckedBeforeItsTurnIsCancelledNotSent() {
        UUID alert = UUID.randomUUID();
        long delivery = alerts.inTransaction(work -> {
            work.insertAlert(alert(alert));
            long recipient = work.addRecipient(alert, "w-late", 1, 1, "alert", "person", LATER);
            long id = work.addDelivery(recipient, alert, "w-late", "webhook:none", "alert", LATER, "{}", LATER);
            assertThat(work.ack(alert, "w-other", "rest", LATER, LATER)).isTrue();
            return id;
        });

        List<AlertDelivery> claimed = alerts.inTransaction(work -> work.claimDueDeliveries(LATER, 10,
                List.of(delivery), LATER + 1_000));
        assertThat(claimed).isEmpty();
        assertThat(state(delivery)).isEqualTo("cancelled");
        String why = alerts.inTransaction(work -> work.deliveryError(delivery));
        assertThat(why).contains("acked");
    }

    private String state(long delivery) {
        return alerts.inTransaction(work -> work.deliveryState(delivery));
    }

    private static NewAlert alert(UUID id) {
        return new NewAlert(id, "440305001001001", List.of("440305", "440305001", "440305001001", "440305001001001"),
                "fire", "dept-fire", "RED", "raised", "test", "{}", 1, 1, LATER + 60_000, LATER, LATER);
    }
}
