package city.gridcommand.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.oncall.QuietHours;
import city.gridcommand.signal.Severity;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertChainTest {

    private static final AckDeadlines DEADLINES = new AckDeadlines(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(4));
    private final EscalationPolicy twoStepsTwice = new EscalationPolicy("p", null, null, List.of(
            PolicyStep.of(NotifyTarget.CELL_WORKERS),
            new PolicyStep(NotifyTarget.LEADER, null, null, null, Duration.ofMinutes(1))), 2);

    @Test
    void theChainGoesStepByStepRoundByRoundThenRunsOut() {
        ChainPosition at = ChainPosition.FIRST;
        at = AlertChain.next(twoStepsTwice, at).orElseThrow();
        assertThat(at).isEqualTo(new ChainPosition(2, 1));
        at = AlertChain.next(twoStepsTwice, at).orElseThrow();
        assertThat(at).isEqualTo(new ChainPosition(1, 2));
        at = AlertChain.next(twoStepsTwice, at).orElseThrow();
        assertThat(at).isEqualTo(new ChainPosition(2, 2));
        assertThat(AlertChain.next(twoStepsTwice, at)).as("exhausted").isEmpty();
    }

    @Test
    void aStepWaitsItsOwnWaitOrTheAckDeadlineOfTheSeverity() {
        assertThat(AlertChain.nextStepAt(twoStepsTwice, ChainPosition.FIRST, Severity.RED, DEADLINES, 1000))
                .isEqualTo(1000 + 300_000);
        assertThat(AlertChain.nextStepAt(twoStepsTwice, ChainPosition.FIRST, Severity.GREEN, DEADLINES, 0))
                .isEqualTo(4 * 3_600_000);
        assertThat(AlertChain.nextStepAt(twoStepsTwice, new ChainPosition(2, 1), Severity.GREEN, DEADLINES, 0))
                .isEqualTo(60_000);
    }

    @Test
    void aRaiseJoinsAnOpenAlertOfTheSamePolicyInTheWindowOnly() {
        Grouping.OpenAlert open = new Grouping.OpenAlert("a", "red", AlertState.OPEN, 30_000);
        assertThat(Grouping.joins(open, "red", AlertReason.RAISED, 29_999)).isTrue();
        assertThat(Grouping.joins(open, "red", AlertReason.RAISED, 30_000)).isFalse();
        assertThat(Grouping.joins(open, "yellow", AlertReason.RAISED, 1)).isFalse();
        assertThat(Grouping.joins(open, "red", AlertReason.OVERDUE, 1)).isFalse();
        assertThat(Grouping.joins(new Grouping.OpenAlert("a", "red", AlertState.ACKED, 30_000), "red",
                AlertReason.RAISED, 1)).isFalse();
        assertThat(Grouping.joins(null, "red", AlertReason.RAISED, 1)).isFalse();
    }

    @Test
    void onlyARecipientAcksAndOnlyAnOpenChain() {
        assertThat(AckRules.judge(AlertState.OPEN, true)).isEqualTo(AckResult.Status.ACKED);
        assertThat(AckRules.judge(AlertState.OPEN, false)).isEqualTo(AckResult.Status.NOT_RECIPIENT);
        assertThat(AckRules.judge(AlertState.ACKED, true)).isEqualTo(AckResult.Status.ALREADY_ACKED);
        assertThat(AckRules.judge(AlertState.EXHAUSTED, true)).isEqualTo(AckResult.Status.ENDED);
        assertThat(AckRules.judge(AlertState.RESOLVED, true)).isEqualTo(AckResult.Status.ENDED);
        assertThat(AckRules.judge(null, true)).isEqualTo(AckResult.Status.UNKNOWN_ALERT);
    }

    @Test
    void greenWaitsForTheEndOfQuietHoursAndRedNever() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        long threeAm = ZonedDateTime.of(2026, 11, 30, 3, 0, 0, 0, zone).toInstant().toEpochMilli();
        long elevenPm = ZonedDateTime.of(2026, 11, 30, 23, 0, 0, 0, zone).toInstant().toEpochMilli();
        long sevenAm = ZonedDateTime.of(2026, 11, 30, 7, 0, 0, 0, zone).toInstant().toEpochMilli();
        assertThat(DeliveryTiming.dueAt(Severity.GREEN, night, zone, threeAm)).isEqualTo(sevenAm);
        assertThat(DeliveryTiming.dueAt(Severity.GREEN, night, zone, elevenPm)).isEqualTo(sevenAm + 86_400_000L);
        assertThat(DeliveryTiming.dueAt(Severity.RED, night, zone, threeAm)).isEqualTo(threeAm);
        assertThat(DeliveryTiming.dueAt(Severity.YELLOW, night, zone, threeAm)).isEqualTo(threeAm);
        assertThat(DeliveryTiming.dueAt(Severity.GREEN, null, zone, threeAm)).isEqualTo(threeAm);
        assertThat(DeliveryTiming.dueAt(Severity.GREEN, night, zone, sevenAm)).isEqualTo(sevenAm);
    }

    @Test
    void retriesBackOffExponentiallyWithinTheJitter() {
        Duration base = Duration.ofSeconds(1);
        assertThat(DeliveryTiming.retryAt(base, 1, 0.5, 0)).isEqualTo(1000);
        assertThat(DeliveryTiming.retryAt(base, 3, 0.5, 0)).isEqualTo(4000);
        assertThat(DeliveryTiming.retryAt(base, 3, 0.0, 0)).isEqualTo(3200);
        assertThat(DeliveryTiming.retryAt(base, 3, 0.999, 0)).isBetween(4790L, 4800L);
    }

    @Test
    void theWireMessageHasTheContractsFields() {
        EventFacts fire = AlertPlannerTest.event(Severity.RED, "REPORTED", false, 0);
        AlertMessage message = new AlertMessage("a-1", AlertMessage.ALERT, AlertReason.RAISED, "w-1", fire.cell(),
                fire.cellPath(), "RED", List.of(fire), ChainPosition.FIRST, 300_000, 420);
        Map<String, Object> body = message.toMap();
        assertThat(body).containsEntry("type", "alert").containsEntry("alertId", "a-1").containsEntry("kind", "alert")
                .containsEntry("reason", "raised").containsEntry("person", "w-1").containsEntry("severity", "RED")
                .containsEntry("step", 1).containsEntry("round", 1).containsEntry("ackBy", 300_000L)
                .containsEntry("ts", 420L).containsEntry("cellPath", fire.cellPath());
        assertThat(message.toJson()).contains("\"events\":[{\"id\":\"e-1\",\"category\":\"fire\",\"severity\":\"RED\","
                + "\"state\":\"REPORTED\",\"trigger\":");
    }
}
