package city.gridcommand.screen;

import city.gridcommand.ingest.PlacedSignals;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.WorkerPosition;
import city.gridcommand.store.EventChange;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Fans out to the open screens of this instance: every change the tail delivers (committed through any
 * instance) to the sessions whose scope holds its cell, encoded once; every worker position and device
 * status this instance's ingest places, to the sessions of its cell; the stats when they changed, at most
 * once per interval; and closes connections that stopped answering pings. Follows the tail while a screen
 * is open.
 */
@ApplicationScoped
public class ScreenFeed implements PlacedSignals {

    private static final Logger LOG = Logger.getLogger(ScreenFeed.class);

    private final ChangeSource changes;
    private final ScreenSettings settings;
    private final Map<String, ScreenSession> sessions = new ConcurrentHashMap<>();
    private AutoCloseable following;

    ScreenFeed(ChangeSource changes, ScreenSettings settings, MeterRegistry registry) {
        this.changes = changes;
        this.settings = settings;
        Gauge.builder("grid.screen.connections", this, ScreenFeed::screens)
                .description("live screens open on this instance (/ws/v1/live)").register(registry);
        Gauge.builder("grid.screen.waiting", this, ScreenFeed::waiting)
                .description("messages waiting in the live screens' outbound queues").register(registry);
    }

    /** A session joins before it reads anything, so every change after it joined reaches it. */
    void add(ScreenSession session) {
        synchronized (this) {
            if (following == null) {
                following = changes.follow(this::change);
            }
        }
        sessions.put(session.id(), session);
    }

    void remove(String id) {
        ScreenSession session = sessions.remove(id);
        if (session != null) {
            session.closed();
        }
    }

    ScreenSession session(String id) {
        return sessions.get(id);
    }

    /** The open sessions (for tests and metrics). */
    Collection<ScreenSession> sessions() {
        return sessions.values();
    }

    /** How many screens are open on this instance. */
    public int screens() {
        return (int) sessions.values().stream().filter(session -> !session.isClosed()).count();
    }

    private double waiting() {
        return sessions.values().stream().mapToInt(ScreenSession::waiting).sum();
    }

    void change(EventChange change) {
        String text = null;
        for (ScreenSession session : sessions.values()) {
            if (session.covers(change.event().cell())) {
                if (text == null) {
                    text = change.message().encode();
                }
                session.offerChange(change, text);
            }
        }
    }

    @Override
    public void placed(Signal signal, Placement placement) {
        if (sessions.isEmpty() || placement.location() == null || placement.location().baseCell() == null) {
            return;
        }
        String cell = placement.location().baseCell();
        if (signal instanceof WorkerPosition position) {
            String key = "worker:" + position.senderId();
            String text = ephemeral("worker.moved", new JsonObject().put("id", position.senderId())
                    .put("lat", position.position().lat()).put("lon", position.position().lon()).put("cell", cell)
                    .put("ts", position.ts()));
            offer(cell, key, text);
        } else if (signal instanceof DeviceStatus status) {
            offer(cell, "device:" + status.senderId(), ephemeral("device.status", new JsonObject()
                    .put("id", status.senderId()).put("online", status.online()).put("cell", cell)
                    .put("ts", status.ts())));
        }
    }

    private void offer(String cell, String key, String text) {
        for (ScreenSession session : sessions.values()) {
            if (session.covers(cell)) {
                session.offerEphemeral(key, text);
            }
        }
    }

    private static String ephemeral(String type, JsonObject data) {
        return new JsonObject().put("type", type).put("data", data).encode();
    }

    @Scheduled(every = "${grid.screen.stats-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long deadBefore = System.currentTimeMillis() - settings.deadAfter().toMillis();
        for (ScreenSession session : sessions.values()) {
            if (session.lastHeard() < deadBefore) {
                LOG.infof("screen %s of %s answered no ping for %s: closed", session.id(), session.scope(),
                        settings.deadAfter());
                session.close(1001, "no answer to pings");
                remove(session.id());
            } else {
                session.tickStats();
            }
        }
    }

    @PreDestroy
    void stop() {
        for (ScreenSession session : sessions.values()) {
            session.close(1001, "going away");
        }
        sessions.clear();
        synchronized (this) {
            if (following != null) {
                try {
                    following.close();
                } catch (Exception e) {
                    LOG.debugf("stopping the tail: %s", e.getMessage());
                }
                following = null;
            }
        }
    }
}
