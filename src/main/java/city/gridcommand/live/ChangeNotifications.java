package city.gridcommand.live;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.jboss.logging.Logger;

/**
 * The wake-ups of the change log: PostgreSQL notifies channel {@code event_change} when a transaction
 * that logged changes commits (V10__change_log_order.sql), and this listens on a connection of its own
 * (not one of the pool's), reconnecting every second while the database is away. A wake-up says only
 * "read the log": a notification missed is made good by the tail's poll.
 */
public final class ChangeNotifications {

    private static final Logger LOG = Logger.getLogger(ChangeNotifications.class);
    static final String CHANNEL = "event_change";
    private static final long RECONNECT_MS = 1_000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;

    public ChangeNotifications(Vertx vertx, PgConnectOptions options) {
        this.vertx = vertx;
        this.options = options;
    }

    /**
     * Listens, calling {@code wake} on every notification and every time the listening starts (a
     * reconnection may have missed some). {@code wake} runs on an event loop and must not block.
     */
    public synchronized void start(Runnable wake) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> RECONNECT_MS);
        subscriber.channel(CHANNEL).subscribeHandler(v -> wake.run()).handler(payload -> wake.run());
        subscriber.connect().onFailure(error -> LOG.warnf(
                "change-log notifications cannot listen yet (%s); the tail polls", error.getMessage()));
    }

    public synchronized void stop() {
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
        }
    }
}
