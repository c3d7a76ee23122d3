package city.gridcommand.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long what the service stores is kept, and how it is maintained (environment: {@code GRID_STORE_*}).
 * Events and their history (the cases) and grid versions are records of the centre's work and are never
 * pruned.
 */
@ConfigMapping(prefix = "grid.store")
public interface StoreSettings {

    /**
     * Days of signals kept: telemetry and worker positions (older daily partitions are dropped), camera
     * detections, device statuses, acknowledgements and workers' cell changes. Default 30.
     */
    @WithDefault("30")
    int retentionDays();

    /** Days of worker reports kept; the case a report opened keeps its own description. Default 365. */
    @WithDefault("365")
    int reportRetentionDays();

    /** Days of dead letters kept (long enough to fix a cause and replay). Default 30. */
    @WithDefault("30")
    int deadLetterRetentionDays();

    /**
     * Days of the event change log kept: at least the window in which a live screen may resume with
     * {@code since}. Default 7.
     */
    @WithDefault("7")
    int changeLogRetentionDays();

    /** Daily partitions created ahead of today. Default 3. */
    @WithDefault("3")
    int partitionsAhead();

    /**
     * How often partitions and retention are maintained; a failed step is retried at the next run, and
     * never stops start-up or ingest. Read by the scheduler. Default 15 minutes.
     */
    @WithDefault("15m")
    String maintenanceEvery();
}
