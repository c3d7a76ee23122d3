package city.gridcommand.ingest;

import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Makes one batch durable through the {@link BatchStore}, whatever the database answers. A transient
 * failure (the database cannot take any batch right now) is retried with back-off, and ingest reports
 * itself stalled until a write succeeds. A permanent one (this batch cannot be written as it is) splits
 * the batch in halves until each refused signal is alone; that signal is then written as a
 * {@code store_rejected} dead letter with its original payload, so that it can be replayed once the cause
 * is fixed, and the rest of the batch is stored. What cannot be made durable even as a dead letter is
 * given back: the caller hands it to the broker instead of acknowledging it.
 */
final class DurableWrite {

    private static final Logger LOG = Logger.getLogger(DurableWrite.class);
    private static final long FIRST_RETRY_DELAY_MS = 50;

    private final WriteBehind.Settings settings;
    private final BatchStore store;
    private final IngestCounters counters;
    private final ScheduledExecutorService scheduler;
    private volatile long stalledSince;

    DurableWrite(WriteBehind.Settings settings, BatchStore store, IngestCounters counters,
            ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.store = store;
        this.counters = counters;
        this.scheduler = scheduler;
    }

    /** When the database started failing (epoch ms), or 0 while it works. */
    long stalledSince() {
        return stalledSince;
    }

    /**
     * Completes once every item of the batch is durable, as a signal or as a dead letter, with the items
     * that could not be made durable even as a dead letter (almost always none).
     */
    CompletionStage<List<PendingItem>> write(List<PendingItem> batch) {
        return write(batch, 0);
    }

    private CompletionStage<List<PendingItem>> write(List<PendingItem> batch, int attempt) {
        return store.write(batch).handle((counts, error) -> {
            if (error == null) {
                stalledSince = 0;
                account(batch, counts);
                return CompletableFuture.completedFuture(List.<PendingItem>of());
            }
            BatchStoreException failure = unwrap(error);
            if (failure.permanent()) {
                return isolate(batch, failure);
            }
            if (stalledSince == 0) {
                stalledSince = System.currentTimeMillis();
                LOG.warn("database unavailable, holding " + batch.size() + " messages and retrying: "
                        + failure.getMessage());
            }
            return delay(retryDelay(attempt)).thenCompose(v -> write(batch, attempt + 1));
        }).thenCompose(stage -> stage);
    }

    /** Splits a refused batch until each refused signal is alone, and writes that one as a dead letter. */
    private CompletionStage<List<PendingItem>> isolate(List<PendingItem> batch, BatchStoreException failure) {
        if (batch.size() > 1) {
            int half = batch.size() / 2;
            List<PendingItem> right = batch.subList(half, batch.size());
            return write(batch.subList(0, half), 0).thenCompose(leftBack -> write(right, 0)
                    .thenApply(rightBack -> leftBack.isEmpty() ? rightBack : concat(leftBack, rightBack)));
        }
        PendingItem item = batch.get(0);
        if (item.isDeadLetter()) {
            DeadLetter letter = item.deadLetter();
            LOG.errorf("the database refused a dead letter (%s from %s on %s): not acknowledged, it goes back to"
                    + " the broker; cause: %s", letter.reason().code(), letter.senderId(), letter.topic(),
                    failure.getMessage());
            return CompletableFuture.completedFuture(List.of(item));
        }
        PendingItem letter = PendingItem.rejected(storeRejected(item, failure), item.source(), item.ack());
        // What goes back to the broker is the message, not the dead letter made of it.
        return write(List.of(letter), 0).thenApply(back -> back.isEmpty() ? back : List.of(item));
    }

    private DeadLetter storeRejected(PendingItem item, BatchStoreException failure) {
        return DeadLetter.ofItem(item, RejectReason.STORE_REJECTED, "the database refused the row: "
                + failure.getMessage(), settings.maxDeadLetterBytes());
    }

    /** Counts a committed batch: its signals as new or duplicates, its dead letters by reason. */
    private void account(List<PendingItem> batch, BatchStore.StoredCounts counts) {
        int[] signals = new int[SignalSource.values().length];
        for (PendingItem item : batch) {
            if (item.isDeadLetter()) {
                counters.rejected(item.source(), item.deadLetter().reason());
            } else {
                signals[item.source().ordinal()]++;
            }
        }
        for (SignalSource source : SignalSource.values()) {
            int total = signals[source.ordinal()];
            if (total > 0) {
                int fresh = counts.newOf(source);
                // a stored key with another payload was dead-lettered by the store in the same transaction
                int conflicts = counts.conflictsOf(source);
                counters.processed(source, fresh);
                counters.duplicates(source, total - fresh - conflicts);
                for (int i = 0; i < conflicts; i++) {
                    counters.rejected(source, RejectReason.CONFLICTING_DUPLICATE);
                }
            }
        }
    }

    private long retryDelay(int attempt) {
        long delay = FIRST_RETRY_DELAY_MS << Math.min(attempt, 16);
        return Math.min(delay, settings.maxRetryDelay().toMillis());
    }

    private CompletionStage<Void> delay(long millis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.schedule(() -> done.complete(null), millis, TimeUnit.MILLISECONDS);
        return done;
    }

    private static List<PendingItem> concat(List<PendingItem> a, List<PendingItem> b) {
        List<PendingItem> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private static BatchStoreException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof BatchStoreException e ? e
                : new BatchStoreException("unexpected store failure: " + cause, false, cause);
    }
}
