package city.gridcommand.grid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The grid at start ({@code grid.demo.*}, e.g. GRID_DEMO_ENABLED). */
@ConfigMapping(prefix = "grid.demo")
public interface GridSettings {

    /**
     * Load the deterministic demo city (cells, devices, workers) when the database holds no grid yet.
     * Default false; the launcher turns it on when it starts the embedded PostgreSQL, unless
     * GRID_DEMO_ENABLED says otherwise.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * How many base cells the demo city has (GRID_DEMO_BASE_CELLS): 2000 is the standard city, 100000 the
     * benchmark city ({@code DemoCityPlan.scaledTo}, the simulator's {@code --base-cells}). Default 2000.
     */
    @WithDefault("2000")
    int baseCells();
}
