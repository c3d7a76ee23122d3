package city.gridcommand.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exponential back-off with jitter that starts again only after a connection has held. */
class ReconnectBackoffTest {

    private static final long SECOND = 1_000_000_000L;

    private static ReconnectBackoff backoff(double random) {
        return new ReconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30),
                () -> random);
    }

    @Test
    void doublesFromTheFirstDelayUpToTheCeiling() {
        ReconnectBackoff backoff = backoff(0.999_999);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(backoff.nextDelayMillis());
        }
        assertThat(delays).containsExactly(199L, 399L, 799L, 1599L, 3199L, 6399L, 9999L, 9999L, 9999L);
    }

    @Test
    void eachDelayIsDrawnBetweenHalfAndAllOfItsStep() {
        assertThat(backoff(0).nextDelayMillis()).isEqualTo(100);
        ReconnectBackoff low = backoff(0);
        low.nextDelayMillis();
        assertThat(low.nextDelayMillis()).isEqualTo(200);
        ReconnectBackoff middle = backoff(0.5);
        middle.nextDelayMillis();
        assertThat(middle.nextDelayMillis()).isEqualTo(300);
    }

    @Test
    void aSessionThatDropsAtOnceKeepsTheDelaysGrowing() {
        ReconnectBackoff backoff = backoff(0);
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        backoff.up(100 * SECOND);
        backoff.down(101 * SECOND); // a client-id clash: accepted, then taken over within a second

        assertThat(backoff.nextDelayMillis()).isEqualTo(400);
        assertThat(backoff.failures()).isEqualTo(3);
    }

    @Test
    void startsAgainFromTheFirstDelayOnlyAfterTheSessionHeldForTheStablePeriod() {
        ReconnectBackoff backoff = backoff(0);
        for (int i = 0; i < 4; i++) {
            backoff.nextDelayMillis();
        }
        backoff.up(0);
        backoff.down(29 * SECOND);
        assertThat(backoff.nextDelayMillis()).as("29 s is not stable").isEqualTo(1600);

        backoff.up(40 * SECOND);
        backoff.down(70 * SECOND);
        assertThat(backoff.nextDelayMillis()).as("30 s is").isEqualTo(100);
    }

    @Test
    void aLostAttemptWithoutASessionNeverResets() {
        ReconnectBackoff backoff = backoff(0);
        backoff.nextDelayMillis();
        backoff.down(1_000 * SECOND);
        assertThat(backoff.nextDelayMillis()).isEqualTo(200);
    }
}
