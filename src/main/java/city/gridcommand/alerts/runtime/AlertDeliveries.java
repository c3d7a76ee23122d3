package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AlertChannel;
import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.DeliveryOutcome;
import city.gridcommand.alerts.DeliveryTiming;
import city.gridcommand.store.AlertRepository;
import city.gridcommand.store.AlertWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers alerts. Due deliveries are claimed in one short transaction ({@code FOR UPDATE SKIP LOCKED}, so
 * another instance never takes the same one; each becomes {@code sending} until its claim lapses, the
 * channel's timeout and a margin later), those whose alert was acked or resolved before their turn are
 * cancelled instead; then each claimed one is handed to the channel that handles its channel name, all at
 * once and each on its own (a channel failing or hanging never holds up the others beyond the try's timeout),
 * outside any transaction; then their outcomes are written: SENT, RETRY (again after
 * {@code backoff-base · 2^(n-1)} ±20 %, dead after {@code max-attempts}) or FAILED (dead at once). An instance
 * that stops mid-try leaves the claim to lapse: the delivery is tried again (at least once, never lost;
 * webhooks carry the delivery id to drop a repeat).
 */
@ApplicationScoped
public class AlertDeliveries {

    private static final Logger LOG = Logger.getLogger(AlertDeliveries.class);
    static final int BATCH = 100;
    /** How long past the channel's timeout a claimed try may take to report before it is due again. */
    static final long CLAIM_MARGIN_MS = 30_000;

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
        // claimed and committed first: no row lock and no pooled connection is held while the channels work
        long claimUntil = now + settings.delivery().timeout().toMillis() + CLAIM_MARGIN_MS;
        List<AlertDelivery> claimed = repository.inTransaction(work -> work.claimDueDeliveries(now, BATCH, ids,
                claimUntil));
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<DeliveryOutcome>> tries = new ArrayList<>();
        for (AlertDelivery delivery : claimed) {
            tries.add(attempt(delivery));
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<DeliveryOutcome> attempt : tries) {
            outcomes.add(attempt.join());
        }
        repository.inTransaction(work -> {
            for (int i = 0; i < claimed.size(); i++) {
                record(work, claimed.get(i), outcomes.get(i));
            }
            return null;
        });
        return claimed.size();
    }

    private void record(AlertWork work, AlertDelivery delivery, DeliveryOutcome outcome) {
        long at = System.currentTimeMillis();
        metrics.tried(delivery.channel(), outcome.status().name().toLowerCase(Locale.ROOT));
        boolean recorded = switch (outcome.status()) {
            case SENT -> work.recordSent(delivery.id(), delivery.attempt(), outcome.detail(), at);
            case RETRY -> delivery.attempt() >= settings.delivery().maxAttempts() ? dead(work, delivery, outcome)
                    : work.recordTry(delivery.id(), delivery.attempt(), "retry", DeliveryTiming.retryAt(
                            settings.delivery().backoffBase(), delivery.attempt(),
                            ThreadLocalRandom.current().nextDouble(), at), outcome.detail(), null);
            case FAILED -> dead(work, delivery, outcome);
        };
        if (!recorded) {
            LOG.warnf("try %d of delivery %d (alert %s over %s) reported after its claim lapsed; the later try's "
                    + "outcome stands", delivery.attempt(), delivery.id(), delivery.alertId(), delivery.channel());
        }
    }

    private boolean dead(AlertWork work, AlertDelivery delivery, DeliveryOutcome outcome) {
        boolean recorded = work.recordTry(delivery.id(), delivery.attempt(), "dead", null, outcome.detail(), null);
        if (recorded) {
            metrics.dead();
            LOG.warnf("alert %s to %s over %s given up after %d tries: %s", delivery.alertId(), delivery.personId(),
                    delivery.channel(), delivery.attempt(), outcome.detail());
        }
        return recorded;
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
