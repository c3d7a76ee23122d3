package city.gridcommand.locate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** How grid workers are placed in cells ({@code grid.workers.*}, e.g. GRID_WORKERS_MIN_DWELL). */
@ConfigMapping(prefix = "grid.workers")
public interface WorkerSettings {

    /** Positions less accurate than this many metres never move a worker. Default 50. */
    @WithDefault("50")
    double maxAccuracy();

    /** A fix this close to the current cell (or within its accuracy radius, if larger) is jitter. Default 10 m. */
    @WithDefault("10")
    double edgeMargin();

    /** How long a worker must be seen in a new cell before they count as in it. Default 30 seconds. */
    @WithDefault("30s")
    Duration minDwell();

    /** Start of the daily duty hours, in {@link #zone()}. Default 08:00. */
    @WithDefault("08:00")
    LocalTime dutyStart();

    /** End of the daily duty hours (before the start: a shift across midnight). Default 18:00. */
    @WithDefault("18:00")
    LocalTime dutyEnd();

    /** The city's time zone. Default Asia/Shanghai. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    default WorkerCellPolicy policy() {
        return new WorkerCellPolicy(maxAccuracy(), edgeMargin(), minDwell(), new DutyHours(dutyStart(), dutyEnd(), zone()));
    }
}
