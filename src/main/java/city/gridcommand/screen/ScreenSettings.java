package city.gridcommand.screen;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The live feed of command screens ({@code grid.screen.*}, e.g. GRID_SCREEN_QUEUE_MESSAGES): tickets,
 * each connection's outbound queue, the snapshot's worker positions, the stats rhythm and the heartbeat.
 * The server's pings are {@code quarkus.websockets-next.server.auto-ping-interval} (20 s here).
 */
@ConfigMapping(prefix = "grid.screen")
public interface ScreenSettings {

    /** How long a ticket from {@code POST /api/v1/live/tickets} may be redeemed. Default 30 s. */
    @WithDefault("30s")
    Duration ticketLifetime();

    /**
     * The secret tickets are signed with (HMAC-SHA256), at least 32 characters; every instance behind one
     * address must have the same one so a ticket made by one is redeemed by another (GRID_SCREEN_TICKET_SECRET).
     * When unset: derived from the built-in issuer's signing key when the service is its own issuer (shared
     * by its instances already), else made at random at start, and tickets only redeem on the instance that
     * made them (logged at start).
     */
    Optional<String> ticketSecret();

    /**
     * The most messages a connection may have waiting to be sent. Worker positions, device statuses and
     * stats replace their own earlier waiting message; an event change beyond this closes the connection
     * with 4408 (resume with {@code since}). Default 2000.
     */
    @WithDefault("2000")
    int queueMessages();

    /** The most bytes of text a connection may have waiting to be sent, same rules. Default 4 MiB. */
    @WithDefault("4194304")
    long queueBytes();

    /** How far back a worker's latest position counts for the snapshot's positions and on-duty count. Default 15 min. */
    @WithDefault("15m")
    Duration workerWindow();

    /** How often the per-child-cell counts are sent, each time only when they changed. Default 1 s. */
    @WithDefault("1s")
    Duration statsInterval();

    /** Event changes read from the change log per query when a screen catches up or resumes. Default 500. */
    @WithDefault("500")
    int catchUpPage();

    /**
     * A connection that has answered no ping and sent nothing for this long is dead and closed; well above
     * the ping interval. Default 50 s.
     */
    @WithDefault("50s")
    Duration deadAfter();
}
