package city.gridcommand.screen;

import city.gridcommand.alerts.runtime.StaffAlertTopic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The open {@code /ws/v1/alerts} sockets of this instance by person: each alert arriving on the staff alerts
 * topic (published through any instance) goes to the sockets of the person it is for; sockets that stopped
 * answering pings are closed.
 */
@ApplicationScoped
public class AlertSockets {

    private static final Logger LOG = Logger.getLogger(AlertSockets.class);

    private final StaffAlertTopic topic;
    private final ScreenSettings settings;
    private final Map<String, AlertSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, Set<AlertSocket>> byPerson = new ConcurrentHashMap<>();

    AlertSockets(StaffAlertTopic topic, ScreenSettings settings, MeterRegistry registry) {
        this.topic = topic;
        this.settings = settings;
        Gauge.builder("grid.alerts.sockets", sockets, Map::size)
                .description("/ws/v1/alerts sockets open on this instance").register(registry);
    }

    @PostConstruct
    void listen() {
        topic.listen(this::alert);
    }

    /** A socket joins before its open alerts are read, so no alert arriving meanwhile passes it by. */
    void add(AlertSocket socket) {
        sockets.put(socket.id(), socket);
        byPerson.computeIfAbsent(socket.personId(), person -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void remove(String id) {
        AlertSocket socket = sockets.remove(id);
        if (socket != null) {
            byPerson.computeIfPresent(socket.personId(), (person, set) -> {
                set.remove(socket);
                return set.isEmpty() ? null : set;
            });
        }
    }

    AlertSocket socket(String id) {
        return sockets.get(id);
    }

    /** How many sockets the person has open on this instance (for tests: a socket ready for alerts). */
    public int socketsOf(String personId) {
        Set<AlertSocket> set = byPerson.get(personId);
        return set == null ? 0 : set.size();
    }

    void alert(String personId, String body) {
        Set<AlertSocket> set = byPerson.get(personId);
        if (set != null) {
            set.forEach(socket -> socket.offer(body));
        }
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDead() {
        long deadBefore = System.currentTimeMillis() - settings.deadAfter().toMillis();
        for (AlertSocket socket : sockets.values()) {
            if (socket.lastHeard() < deadBefore) {
                LOG.infof("alerts socket %s of %s answered no ping for %s: closed", socket.id(), socket.personId(),
                        settings.deadAfter());
                socket.close(1001, "no answer to pings");
                remove(socket.id());
            }
        }
    }

    @PreDestroy
    void stop() {
        sockets.values().forEach(socket -> socket.close(1001, "going away"));
        sockets.clear();
        byPerson.clear();
    }
}
