package city.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyPartitionsTest {

    private static final long NOV_22_NOON = LocalDate.of(2026, 11, 22).atTime(12, 0).toInstant(ZoneOffset.UTC)
            .toEpochMilli();

    @Test
    void coversRetentionBehindAndDaysAheadWithAdjacentUtcDays() {
        List<DailyPartitions.Day> days = DailyPartitions.wanted(NOV_22_NOON, 30, 3);
        assertThat(days).hasSize(34);
        assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(days.get(days.size() - 1).date()).isEqualTo(LocalDate.of(2026, 11, 25));
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i).fromMs()).isEqualTo(days.get(i - 1).toMs());
        }
        DailyPartitions.Day today = days.get(30);
        assertThat(today.nameFor("telemetry")).isEqualTo("telemetry_p20261122");
        assertThat(NOV_22_NOON).isBetween(today.fromMs(), today.toMs() - 1);
    }

    @Test
    void expiresOnlyOwnDailyPartitionsOlderThanRetention() {
        List<DailyPartitions.Day> wanted = DailyPartitions.wanted(NOV_22_NOON, 30, 3);
        assertThat(DailyPartitions.isExpired("telemetry", "telemetry_p20261022", wanted)).isTrue();
        assertThat(DailyPartitions.isExpired("telemetry", "telemetry_p20261023", wanted)).isFalse();
        assertThat(DailyPartitions.isExpired("telemetry", "telemetry_default", wanted)).isFalse();
        assertThat(DailyPartitions.isExpired("telemetry", "worker_position_p20200101", wanted)).isFalse();
        assertThat(DailyPartitions.isExpired("telemetry", "telemetry_p2026xx01", wanted)).isFalse();
    }
}
