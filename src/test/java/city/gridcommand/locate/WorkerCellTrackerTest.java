package city.gridcommand.locate;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.WorkerCellChange;
import city.gridcommand.signal.WorkerCellChange.Type;
import city.gridcommand.signal.WorkerPosition;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two cells side by side on a line of longitude 0: west (lon < 0) is A, east is B; 1e-5° ≈ 1.1 m. */
class WorkerCellTrackerTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long NINE_AM = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZONE).toInstant().toEpochMilli();
    private static final long TEN_PM = ZonedDateTime.of(2026, 11, 23, 22, 0, 0, 0, ZONE).toInstant().toEpochMilli();

    private static final CellMap TWO_CELLS = new CellMap() {
        @Override
        public CellLocation locate(double lat, double lon) {
            String cell = lon < 0 ? "A" : "B";
            return new CellLocation(cell, List.of("D", cell), List.of(), List.of());
        }

        @Override
        public double distanceMetres(String cell, double lat, double lon) {
            boolean inside = cell.equals("A") ? lon < 0 : lon >= 0;
            return inside ? 0 : Math.abs(lon) * 111_320;
        }

        @Override
        public long version() {
            return 1;
        }
    };

    private final WorkerCellPolicy policy = new WorkerCellPolicy(50, 5, Duration.ofSeconds(30),
            new DutyHours(LocalTime.of(8, 0), LocalTime.of(18, 0), ZONE));
    private final WorkerCellTracker tracker = new WorkerCellTracker(policy,
            worker -> Map.of("w1", List.of("A")).getOrDefault(worker, List.of()));

    private List<WorkerCellChange> at(long ts, double lon, Double accuracy) {
        WorkerPosition p = new WorkerPosition("w1", ts, ts, new Position(22.5, lon), accuracy, null, ts);
        return tracker.track(p, TWO_CELLS.locate(22.5, lon), TWO_CELLS);
    }

    @Test
    void firstFixEntersItsCell() {
        assertThat(at(NINE_AM, -0.001, 5.0)).extracting(WorkerCellChange::type, WorkerCellChange::cell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Type.ENTERED, "A"));
        assertThat(tracker.currentCell("w1")).isEqualTo("A");
    }

    @Test
    void aMoveCountsOnlyAfterTheMinimumDwell() {
        at(NINE_AM, -0.001, 5.0);
        assertThat(at(NINE_AM + 1_000, 0.001, 5.0)).isEmpty();
        assertThat(at(NINE_AM + 20_000, 0.001, 5.0)).isEmpty();
        assertThat(tracker.currentCell("w1")).isEqualTo("A");
        List<WorkerCellChange> changes = at(NINE_AM + 31_000, 0.001, 5.0);
        assertThat(changes).extracting(WorkerCellChange::type).containsExactly(Type.LEFT, Type.ENTERED,
                Type.LEFT_ASSIGNED);
        assertThat(changes.get(2).cell()).isEqualTo("B");
        assertThat(tracker.currentCell("w1")).isEqualTo("B");
    }

    @Test
    void jitterAcrossTheEdgeWithinTheAccuracyRadiusIsNotAMove() {
        at(NINE_AM, -0.0001, 20.0);
        // 0.0001° east of the edge is ~11 m: inside a 20 m accuracy radius of cell A
        for (int s = 1; s <= 120; s++) {
            assertThat(at(NINE_AM + s * 1_000L, 0.0001, 20.0)).isEmpty();
        }
        assertThat(tracker.currentCell("w1")).isEqualTo("A");
    }

    @Test
    void aBriefExcursionResetsTheDwell() {
        at(NINE_AM, -0.001, 5.0);
        at(NINE_AM + 1_000, 0.001, 5.0);
        at(NINE_AM + 20_000, -0.001, 5.0);
        assertThat(at(NINE_AM + 40_000, 0.001, 5.0)).isEmpty();
        assertThat(at(NINE_AM + 71_000, 0.001, 5.0)).extracting(WorkerCellChange::type).contains(Type.ENTERED);
    }

    @Test
    void inaccurateAndOutOfOrderFixesNeverMoveTheWorker() {
        at(NINE_AM, -0.001, 5.0);
        assertThat(at(NINE_AM + 40_000, 0.01, 200.0)).isEmpty();
        assertThat(at(NINE_AM + 80_000, 0.01, 200.0)).isEmpty();
        assertThat(at(NINE_AM + 30_000, 0.01, 5.0)).isEmpty();
        assertThat(tracker.currentCell("w1")).isEqualTo("A");
    }

    @Test
    void leavingAssignedCellsOffDutyIsNotReported() {
        at(TEN_PM, -0.001, 5.0);
        at(TEN_PM + 1_000, 0.001, 5.0);
        assertThat(at(TEN_PM + 31_000, 0.001, 5.0)).extracting(WorkerCellChange::type)
                .containsExactly(Type.LEFT, Type.ENTERED);
    }

    @Test
    void dutyHoursMayCrossMidnight() {
        DutyHours night = new DutyHours(LocalTime.of(20, 0), LocalTime.of(6, 0), ZONE);
        assertThat(night.covers(TEN_PM)).isTrue();
        assertThat(night.covers(NINE_AM)).isFalse();
    }
}
