package city.gridcommand.screen;

import city.gridcommand.live.LiveSignals;
import city.gridcommand.live.LiveSignals.LiveSignal;
import city.gridcommand.store.EventChange;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Fans out to the open screens of this instance: every change the tail delivers (committed through any
 * instance) to the sessions whose scope holds its cell, encoded once; every worker position and device
 * status placed by any instance ({@link LiveSignals}), to the sessions of its cell; the stats when they
 * changed, at most once per interval; and closes connections that stopped answering pings. Follows the
 * tail and the live signals while a screen is open.
 *
 * <p>Sessions are indexed by scope: a cell code's scopes are its prefixes (a street's code is the head of
 * its base cells' codes), so a change finds its screens with one lookup per prefix, however many screens
 * are open elsewhere.
 */
@ApplicationScoped
public class ScreenFeed {

    private static final Logger LOG = Logger.getLogger(ScreenFeed.class);

    private final ChangeSource changes;
    private final LiveSignals liveSignals;
    private final ScreenSettings settings;
    private final Map<String, ScreenSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<ScreenSession>> byScope = new ConcurrentHashMap<>();
    private final List<AutoCloseable> following = new ArrayList<>();

    ScreenFeed(ChangeSource changes, LiveSignals liveSignals, ScreenSettings settings, MeterRegistry registry) {
        this.changes = changes;
        this.liveSignals = liveSignals;
        this.settings = settings;
        Gauge.builder("grid.screen.connections", this, ScreenFeed::screens)
                .description("live screens open on this instance (/ws/v1/live)").register(registry);
        Gauge.builder("grid.screen.waiting", this, ScreenFeed::waiting)
                .description("messages waiting in the live screens' outbound queues").register(registry);
    }

    /** A session joins before it reads anything, so every change after it joined reaches it. */
    void add(ScreenSession session) {
        synchronized (this) {
            if (following.isEmpty()) {
                following.add(changes.follow(this::change));
                following.add(liveSignals.listen(this::live));
            }
        }
        byScope.computeIfAbsent(session.scope(), scope -> ConcurrentHashMap.newKeySet()).add(session);
        sessions.put(session.id(), session);
    }

    void remove(String id) {
        ScreenSession session = sessions.remove(id);
        if (session != null) {
            byScope.computeIfPresent(session.scope(), (scope, set) -> {
                set.remove(session);
                return set.isEmpty() ? null : set;
            });
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
        String cell = change.event().cell();
        String text = null;
        for (int end = 1; end <= cell.length(); end++) {
            Set<ScreenSession> screens = byScope.get(cell.substring(0, end));
            if (screens != null) {
                if (text == null) {
                    text = change.message().encode();
                }
                for (ScreenSession session : screens) {
                    session.offerChange(change, text);
                }
            }
        }
    }

    /** A worker position or device status placed by any instance, to the screens of its cell. */
    void live(LiveSignal signal) {
        if (sessions.isEmpty()) {
            return;
        }
        String cell = signal.cell();
        for (int end = 1; end <= cell.length(); end++) {
            Set<ScreenSession> screens = byScope.get(cell.substring(0, end));
            if (screens != null) {
                for (ScreenSession session : screens) {
                    session.offerEphemeral(signal.key(), signal.text());
                }
            }
        }
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
        byScope.clear();
        synchronized (this) {
            for (AutoCloseable handle : following) {
                try {
                    handle.close();
                } catch (Exception e) {
                    LOG.debugf("stopping the tail: %s", e.getMessage());
                }
            }
            following.clear();
        }
    }
}
