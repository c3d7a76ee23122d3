package city.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static StoreSettings settings(int signals, int reports, int deadLetters, int changeLog) {
        return new StoreSettings() {
            public int retentionDays() {
                return signals;
            }

            public int reportRetentionDays() {
                return reports;
            }

            public int deadLetterRetentionDays() {
                return deadLetters;
            }

            public int changeLogRetentionDays() {
                return changeLog;
            }

            public int partitionsAhead() {
                return 3;
            }

            public String maintenanceEvery() {
                return "15m";
            }
        };
    }

    @Test
    void everyGrowingTableThatIsNotPartitionedByDayHasItsRetention() {
        Map<String, Integer> days = Retention.of(settings(30, 365, 14, 7)).stream()
                .collect(Collectors.toMap(Retention::table, Retention::days));
        assertThat(days).containsOnly(Map.entry("detection", 30), Map.entry("device_status", 30),
                Map.entry("worker_ack", 30), Map.entry("worker_cell_change", 30), Map.entry("telemetry_default", 30),
                Map.entry("worker_position_default", 30), Map.entry("worker_report", 365),
                Map.entry("dead_letter", 14), Map.entry("event_change", 7),
                Map.entry("alert", 365), Map.entry("alert_event_memory", 365), Map.entry("alert_failed_change", 14));
    }

    @Test
    void rowsArePrunedByArrivalAndAtLeastOneDayIsKept() {
        assertThat(new Retention("dead_letter", "received_at", 2).cutoff(10 * 86_400_000L))
                .isEqualTo(8 * 86_400_000L);
        assertThat(Retention.of(settings(30, 365, 30, 7))).filteredOn(r -> r.table().equals("detection"))
                .singleElement().extracting(Retention::column).isEqualTo("received_at");
        assertThatThrownBy(() -> Retention.of(settings(30, 365, 30, 0))).hasMessageContaining("event_change");
    }
}
