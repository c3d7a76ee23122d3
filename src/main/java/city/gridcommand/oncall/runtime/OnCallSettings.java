package city.gridcommand.oncall.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * On-call schedules and contacts ({@code grid.oncall.*}, e.g. GRID_ONCALL_GAP_HORIZON). Times of schedules
 * are in the city's time zone, {@code grid.workers.zone} (default Asia/Shanghai).
 */
@ConfigMapping(prefix = "grid.oncall")
public interface OnCallSettings {

    /** How far ahead the gaps of a 24/7 schedule are looked for and reported as warnings. Default 28 days. */
    @WithDefault("P28D")
    Duration gapHorizon();

    /**
     * How often each instance looks for schedules and contact preferences another instance stored (read by the
     * scheduler). Default 5 seconds.
     */
    @WithDefault("5s")
    String refresh();

    /** The longest span one shift plan ({@code GET …/schedules/{id}/shifts}) may cover. Default 62 days. */
    @WithDefault("P62D")
    Duration maxPlanSpan();
}
