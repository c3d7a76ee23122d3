package city.gridcommand.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How each instance follows the change log ({@link ChangeTail}); environment {@code GRID_LIVE_TAIL_*}. */
@ConfigMapping(prefix = "grid.live.tail")
public interface ChangeTailSettings {

    /**
     * How often the tail reads the log without being woken: a notification missed (the listening
     * connection down, a notification lost) delays changes by at most this long, never loses them.
     * Default 1s.
     */
    @WithDefault("1s")
    Duration poll();

    /** Changes read in one page; the tail reads page after page until it has caught up. Default 500. */
    @WithDefault("500")
    int page();
}
