package city.gridcommand.cases.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How cases are run ({@code grid.cases.*}, e.g. GRID_CASES_AUTO_DISPATCH). */
@ConfigMapping(prefix = "grid.cases")
public interface CasesSettings {

    /**
     * One calendar limit for every step of every category, replacing the catalogue's deadline table:
     * for drills and tests (e.g. PT5S). Unset by default.
     */
    Optional<Duration> deadlineOverride();

    /** Register cases raised by sensors and cameras without a dispatcher. Default false. */
    @WithDefault("false")
    boolean autoRegisterMachineReports();

    /** Dispatch registered cases by the routing table without a dispatcher. Default false. */
    @WithDefault("false")
    boolean autoDispatch();

    /** Refuse feedback without at least one photo. Default false. */
    @WithDefault("false")
    boolean feedbackNeedsPhoto();

    /** How often overdue cases are looked for (read by the scheduler). Default 10 seconds. */
    @WithDefault("10s")
    String deadlineScan();

    /**
     * Close a machine's case nobody has registered once the condition that raised it has cleared (state
     * CLEARED, by the system). Default true.
     */
    @WithDefault("true")
    boolean autoClear();

    /** How often unregistered machine cases are looked at for clearing (read by the scheduler). Default 30 seconds. */
    @WithDefault("30s")
    String clearScan();
}
