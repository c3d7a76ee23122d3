package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AckResult;
import city.gridcommand.alerts.AckRules;
import city.gridcommand.alerts.AlertAcks;
import city.gridcommand.alerts.AlertState;
import city.gridcommand.store.AlertRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Acknowledges alerts ({@link AlertAcks}): the alert is locked, the person must be one it alerted, and an
 * open chain ends as acked with who, over which channel and when. Runs on threads of its own, so callers on
 * an event loop (ingest's committed acks, REST) never wait on the database.
 */
@ApplicationScoped
public class AlertAckService implements AlertAcks {

    private static final Logger LOG = Logger.getLogger(AlertAckService.class);

    private final AlertRepository repository;
    private final AlertMetrics metrics;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "alert-acks");
        t.setDaemon(true);
        return t;
    });

    AlertAckService(AlertRepository repository, AlertMetrics metrics) {
        this.repository = repository;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<AckResult> ack(String alertId, String personId, String channel, long at) {
        UUID id;
        try {
            id = UUID.fromString(alertId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return CompletableFuture.completedFuture(new AckResult(AckResult.Status.UNKNOWN_ALERT, alertId));
        }
        return CompletableFuture.supplyAsync(() -> repository.inTransaction(work -> {
            AlertState state = work.lockState(id);
            AckResult.Status status = AckRules.judge(state, state != null && work.isRecipient(id, personId));
            if (status == AckResult.Status.ACKED) {
                work.ack(id, personId, channel, at, System.currentTimeMillis());
            }
            return new AckResult(status, alertId);
        }), threads).whenComplete((result, error) -> {
            if (error != null) {
                LOG.warnf("the ack of alert %s by %s over %s failed: %s", alertId, personId, channel, error.getMessage());
            } else if (result.status() == AckResult.Status.ACKED) {
                metrics.acked(channel);
            }
        });
    }
}
