package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.sim.GatewayOutage.Step;
import org.junit.jupiter.api.Test;

class GatewayOutageTest {

    @Test
    void theGatewayDiesAtFortyPercentAndComesBackAfterATenthOfTheRun() {
        GatewayOutage outage = new GatewayOutage(1_000);

        assertThat(steps(outage, 0, 399, 0)).isEqualTo(0);
        assertThat(outage.at(400, 600_000)).isEqualTo(Step.DIE);
        assertThat(outage.away()).isTrue();
        assertThat(outage.diedAtMillis()).isEqualTo(600_000);
        assertThat(steps(outage, 401, 499, 700_000)).isEqualTo(0);
        assertThat(outage.at(500, 700_000)).isEqualTo(Step.COME_BACK);
        assertThat(outage.away()).isFalse();
        assertThat(steps(outage, 501, 999, 800_000)).as("it dies once").isEqualTo(0);
    }

    @Test
    void itStaysAwayAtLeastThirtySecondsOfCityTime() {
        GatewayOutage outage = new GatewayOutage(1_000);
        steps(outage, 0, 399, 0);
        outage.at(400, 10_000);

        assertThat(steps(outage, 401, 700, 39_999)).isEqualTo(0);
        assertThat(outage.at(701, 40_000)).isEqualTo(Step.COME_BACK);
    }

    @Test
    void aRunTooShortForTheReturnLeavesItAwayForTheSimulatorToBringBack() {
        GatewayOutage outage = new GatewayOutage(10);
        steps(outage, 0, 9, 1_000);

        assertThat(outage.away()).isTrue();
        outage.cameBack();
        assertThat(outage.away()).isFalse();
    }

    /** Steps through {@code from..to} at one city time; how many did something. */
    private static int steps(GatewayOutage outage, long from, long to, long simMillis) {
        int acted = 0;
        for (long i = from; i <= to; i++) {
            if (outage.at(i, simMillis) != Step.NOTHING) {
                acted++;
            }
        }
        return acted;
    }
}
