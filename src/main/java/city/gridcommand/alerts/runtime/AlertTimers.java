package city.gridcommand.alerts.runtime;

import city.gridcommand.store.AlertRepository;
import city.gridcommand.store.AlertWork;
import city.gridcommand.store.StoredAlert;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The alerts' durable timers, every {@code grid.alerts.scan} on every instance, each row claimed
 * {@code FOR UPDATE SKIP LOCKED} so that it fires once: open alerts whose step is due (acked if an ack of a
 * recipient reached {@code worker_ack} but not the engine, else moved to the next step with a reminder to the
 * people of the step left, or exhausted), grouped alerts whose window ended (one update to their people), and
 * due deliveries (pending, retrying, or held for quiet hours).
 */
@ApplicationScoped
public class AlertTimers {

    private static final Logger LOG = Logger.getLogger(AlertTimers.class);
    static final int BATCH = 100;

    private final AlertRepository repository;
    private final ChainWriter chains;
    private final AlertDeliveries deliveries;
    private final AlertMetrics metrics;

    AlertTimers(AlertRepository repository, ChainWriter chains, AlertDeliveries deliveries, AlertMetrics metrics) {
        this.repository = repository;
        this.chains = chains;
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    @Scheduled(every = "${grid.alerts.scan:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        try {
            runOnce(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warnf(e, "the alert timers failed; retrying at the next scan");
        }
    }

    /** One scan at {@code now} (blocks): steps, then updates, then deliveries. */
    public void runOnce(long now) {
        List<Long> due = new ArrayList<>();
        int acked = repository.inTransaction(work -> steps(work, now, due));
        for (int i = 0; i < acked; i++) {
            metrics.acked("mqtt");
        }
        repository.inTransaction(work -> {
            for (StoredAlert alert : work.lockDueUpdates(now, BATCH)) {
                if ("open".equals(alert.state())) {
                    chains.sendUpdate(work, alert, now, due);
                } else {
                    work.updateSent(alert.id(), now);
                }
            }
            return null;
        });
        deliveries.deliver(due);
        while (deliveries.deliverDue(now) == AlertDeliveries.BATCH) {
            // a full batch: there may be more due
        }
    }

    /** Due steps; how many alerts were found acked in {@code worker_ack}. */
    private int steps(AlertWork work, long now, List<Long> due) {
        int acked = 0;
        for (StoredAlert alert : work.lockDueSteps(now, BATCH)) {
            Optional<AlertWork.StoredAck> ack = work.storedAck(alert.id());
            if (ack.isPresent()) {
                if (work.ack(alert.id(), ack.get().workerId(), "mqtt", ack.get().receivedAt(), now)) {
                    acked++;
                }
                continue;
            }
            chains.moveOn(work, alert, now, due);
        }
        return acked;
    }
}
