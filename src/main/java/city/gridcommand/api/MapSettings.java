package city.gridcommand.api;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The command screen's map background ({@code grid.map.*}, e.g. GRID_MAP_TILE_URL). */
@ConfigMapping(prefix = "grid.map")
public interface MapSettings {

    /**
     * A map tile URL template for the screen's background, Leaflet's form
     * ({@code https://tiles.example/{z}/{x}/{y}.png}, a server inside the city's network); none by default,
     * so the screen draws the grid's cells on a plain background and needs no internet.
     */
    Optional<String> tileUrl();

    /** The attribution the tile server asks to be shown with its tiles; none by default. */
    Optional<String> tileAttribution();
}
