package city.gridcommand.rules.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the rules run ({@code grid.rules.*}, e.g. GRID_RULES_TICK). */
@ConfigMapping(prefix = "grid.rules")
public interface RulesSettings {

    /** How often silence and no-position rules are checked (used by the scheduler). Default 5 seconds. */
    @WithDefault("5s")
    String tick();
}
