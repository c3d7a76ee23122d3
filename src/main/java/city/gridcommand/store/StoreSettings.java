package city.gridcommand.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long signals are kept (environment: {@code GRID_STORE_*}). */
@ConfigMapping(prefix = "grid.store")
public interface StoreSettings {

    /** Days of telemetry and worker positions kept; older daily partitions are dropped. Default 30. */
    @WithDefault("30")
    int retentionDays();

    /** Daily partitions created ahead of today. Default 3. */
    @WithDefault("3")
    int partitionsAhead();
}
