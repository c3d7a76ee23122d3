package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void messagesAreSpreadEvenlyAtTheRate() {
        Pacer pacer = new Pacer(500);

        assertThat(pacer.dueNanos(0)).isZero();
        assertThat(pacer.dueNanos(1)).isEqualTo(2_000_000);
        assertThat(pacer.dueNanos(500)).isEqualTo(1_000_000_000);
        assertThat(pacer.dueNanos(30_000)).isEqualTo(60_000_000_000L);
    }

    @Test
    void aDurationHoldsRateTimesSecondsMessages() {
        assertThat(new Pacer(500).messagesWithin(Duration.ofSeconds(60))).isEqualTo(30_000);
        assertThat(new Pacer(0.5).messagesWithin(Duration.ofSeconds(3))).isEqualTo(2); // due at 0 s and 2 s
        assertThat(new Pacer(20_000).messagesWithin(Duration.ofMillis(1))).isEqualTo(20);
    }

    @Test
    void fractionalRatesDoNotDrift() {
        Pacer pacer = new Pacer(3);

        assertThat(pacer.dueNanos(3_000_000)).isEqualTo(1_000_000 * 1_000_000_000L);
        assertThat(pacer.dueNanos(1)).isEqualTo(333_333_333);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new Pacer(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
