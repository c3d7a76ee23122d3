package city.gridcommand.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/screen/settings}: what the command screen (the page at {@code /}) needs of the
 * service's configuration: the map tile URL and its attribution, each null when none is set
 * ({@link MapSettings}).
 */
@Path("/api/v1/screen/settings")
@Produces(MediaType.APPLICATION_JSON)
public class ScreenResource {

    /** The screen's settings; null members are not set. */
    public record Settings(String tileUrl, String tileAttribution) {
    }

    private final MapSettings settings;

    ScreenResource(MapSettings settings) {
        this.settings = settings;
    }

    @Authenticated
    @GET
    public Settings settings() {
        return new Settings(settings.tileUrl().filter(u -> !u.isBlank()).orElse(null),
                settings.tileAttribution().filter(a -> !a.isBlank()).orElse(null));
    }
}
