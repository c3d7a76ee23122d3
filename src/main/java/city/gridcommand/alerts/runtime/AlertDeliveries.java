package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AlertChannel;
import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.DeliveryOutcome;
import city.gridcommand.alerts.DeliveryTiming;
import city.gridcommand.store.AlertRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers alerts: due deliveries are locked ({@code FOR UPDATE SKIP LOCKED}, so another instance never tries
 * the same one at the same time), each handed to the channel that handles its channel name, all at once and
 * each on its own (a channel failing or hanging never holds up the others beyond the try's timeout), and
 * their outcomes written in the same transaction: SENT, RETRY (again after {@code backoff-base · 2^(n-1)}
 * ±20 %, dead after {@code max-attempts}) or FAILED (dead at once).
 */
@ApplicationScoped
public class AlertDeliveries {

    private static final Logger LOG = Logger.getLogger(AlertDeliveries.class);
    static final int BATCH = 100;

    private final AlertRepository repository;
    private final Instance<AlertChannel> channels;
    private final AlertSettings settings;
    private final AlertMetrics metrics;

    AlertDeliveries(AlertRepository repository, @Any Instance<AlertChannel> channels, AlertSettings settings,
            AlertMetrics metrics) {
        this.repository = repository;
        this.channels = channels;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Delivers the deliveries {@code ids} if they are still due (blocks); how many were tried. */
    public int deliver(List<Long> ids) {
        return ids.isEmpty() ? 0 : deliver(System.currentTimeMillis(), ids);
    }

    /** Delivers up to a batch of the deliveries due at {@code now} (blocks); how many were tried. */
    public int deliverDue(long now) {
        return deliver(now, null);
    }

    private int deliver(long now, List<Long> ids) {
        return repository.inTransaction(work -> {
            List<AlertDelivery> due = work.lockDueDeliveries(now, BATCH, ids);
            List<CompletableFuture<DeliveryOutcome>> tries = new ArrayList<>();
            for (AlertDelivery delivery : due) {
                tries.add(attempt(delivery));
            }
            for (int i = 0; i < due.size(); i++) {
                AlertDelivery delivery = due.get(i);
                DeliveryOutcome outcome = tries.get(i).join();
                long at = System.currentTimeMillis();
                metrics.tried(delivery.channel(), outcome.status().name().toLowerCase(java.util.Locale.ROOT));
                switch (outcome.status()) {
                    case SENT -> work.recordTry(delivery.id(), "sent", delivery.attempt(), null, null, at);
                    case RETRY -> {
                        if (delivery.attempt() >= settings.delivery().maxAttempts()) {
                            dead(work, delivery, outcome);
                        } else {
                            work.recordTry(delivery.id(), "retry", delivery.attempt(),
                                    DeliveryTiming.retryAt(settings.delivery().backoffBase(), delivery.attempt(),
                                            ThreadLocalRandom.current().nextDouble(), at), outcome.detail(), null);
                        }
                    }
                    case FAILED -> dead(work, delivery, outcome);
                }
            }
            return due.size();
        });
    }

    private void dead(city.gridcommand.store.AlertWork work, AlertDelivery delivery, DeliveryOutcome outcome) {
        work.recordTry(delivery.id(), "dead", delivery.attempt(), null, outcome.detail(), null);
        metrics.dead();
        LOG.warnf("alert %s to %s over %s given up after %d tries: %s", delivery.alertId(), delivery.personId(),
                delivery.channel(), delivery.attempt(), outcome.detail());
    }

    /** One try through the first channel that handles the delivery's channel; never fails, never hangs. */
    private CompletableFuture<DeliveryOutcome> attempt(AlertDelivery delivery) {
        for (AlertChannel channel : channels) {
            if (channel.handles(delivery.channel())) {
                try {
                    return channel.deliver(delivery).toCompletableFuture()
                            .exceptionally(error -> DeliveryOutcome.retry("the channel failed: " + error))
                            .completeOnTimeout(DeliveryOutcome.retry("no answer within "
                                    + settings.delivery().timeout()), settings.delivery().timeout().toMillis(),
                                    TimeUnit.MILLISECONDS);
                } catch (RuntimeException e) {
                    return CompletableFuture.completedFuture(DeliveryOutcome.retry("the channel failed: " + e));
                }
            }
        }
        return CompletableFuture.completedFuture(DeliveryOutcome.failed("no channel handles '" + delivery.channel() + "'"));
    }
}
