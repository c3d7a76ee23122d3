package city.gridcommand.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The REST API's own limits ({@code grid.api.*}, e.g. GRID_API_MAX_BODY_SIZE). */
@ConfigMapping(prefix = "grid.api")
public interface ApiSettings {

    /**
     * Largest request body of every endpoint but the grid import (whose limit is
     * {@code grid.import.max-body-size}, and which also caps this one): a device, a worker, a rule set,
     * a case or a transition is a few kilobytes. A larger body is refused with 413 before it is read.
     * Default 1M.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();
}
