package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateIsTheAcknowledgementsOfTheLastInterval() {
        Progress progress = new Progress(0);

        String first = progress.line(SECOND, 0, 520, 500, 0, 600_000);
        String second = progress.line(3 * SECOND, 0, 1_700, 1_500, 2, 1_260_000);

        assertThat(first).contains("1s", "sent 520", "acked 500", "failed 0", " 500 msg/s", "city time 0:10:00");
        assertThat(second).contains("3s", "sent 1,700", "acked 1,500", "failed 2", " 500 msg/s", "0:21:00");
    }

    @Test
    void cityTimeReadsAsHoursMinutesSeconds() {
        assertThat(Progress.clock(0)).isEqualTo("0:00:00");
        assertThat(Progress.clock(3_723_000)).isEqualTo("1:02:03");
        assertThat(Progress.clock(90_000_000)).isEqualTo("25:00:00");
    }
}
