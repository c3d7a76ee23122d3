package city.gridcommand.alerts.runtime;

import city.gridcommand.signal.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** On-call alerts ({@code grid.alerts}, environment {@code GRID_ALERTS_*}). */
@ConfigMapping(prefix = "grid.alerts")
public interface AlertSettings {

    /** Whether event changes alert anyone. Off: the change log is still followed, nobody is alerted. Default true. */
    @WithDefault("true")
    boolean enabled();

    /** The lowest severity that alerts (raise, or severity increase up to it). Default YELLOW. */
    @WithDefault("YELLOW")
    Severity minSeverity();

    /** How long each person has to ack, by severity: a step's wait unless the policy gives one. */
    AckDeadline ackDeadline();

    interface AckDeadline {
        /** Default 5m. */
        @WithDefault("5m")
        Duration red();

        /** Default 30m. */
        @WithDefault("30m")
        Duration yellow();

        /** Default 4h. */
        @WithDefault("4h")
        Duration green();
    }

    /** A raise in a cell within this long of an open alert there (same policy) joins it. Default 30s. */
    @WithDefault("30s")
    Duration groupWindow();

    /** How often the timers look for due steps, grouped updates and due deliveries; the watch polls as often. Default 1s. */
    @WithDefault("1s")
    Duration scan();

    /** Changes handled in one transaction of the watch. Default 200. */
    @WithDefault("200")
    int page();

    /** The city's time zone, for quiet hours. Default Asia/Shanghai. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    Delivery delivery();

    interface Delivery {
        /** Tries of one delivery before it is dead. Default 6. */
        @WithDefault("6")
        int maxAttempts();

        /** The first retry's wait; each next one doubles it (±20 %). Default 2s. */
        @WithDefault("2s")
        Duration backoffBase();

        /** How long a channel has for one try before it counts as a transient failure. Default 10s. */
        @WithDefault("10s")
        Duration timeout();
    }
}
