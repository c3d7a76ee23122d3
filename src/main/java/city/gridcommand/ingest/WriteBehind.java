package city.gridcommand.ingest;

import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Gathers pending items into batches, makes each batch durable through the {@link BatchStore}, and
 * only then acknowledges its messages and asks the broker for as many new ones.
 *
 * <p>Batches form naturally: while the write slots are busy, items accumulate, so a quiet system
 * writes each message at once and a loaded one writes large batches. A batch the database cannot take
 * right now is retried with back-off and holds its slot; a batch the database refuses because of its
 * data is split until the offending message is found and dead-lettered, so one bad row never stops
 * ingestion.
 *
 * <p>Acknowledgements leave in the order the messages arrived, even when a later batch commits first:
 * MQTT requires PUBACKs in the order the PUBLISH packets were received (MQTT 5.0, 4.6).
 */
public final class WriteBehind {

    private static final Logger LOG = Logger.getLogger(WriteBehind.class);
    private static final long FIRST_RETRY_DELAY_MS = 50;

    /**
     * @param maxBatch            most items in one write
     * @param maxConcurrentWrites writes in flight at once
     * @param capacity            most messages held unacknowledged (back-pressure is reported from here on)
     * @param maxRetryDelay       ceiling of the back-off while the database is unavailable
     * @param maxDeadLetterBytes  payload bytes kept for a message the database refused
     */
    public record Settings(int maxBatch, int maxConcurrentWrites, int capacity, Duration maxRetryDelay,
            int maxDeadLetterBytes) {
    }

    private final Settings settings;
    private final BatchStore store;
    private final IngestCounters counters;
    private final ScheduledExecutorService scheduler;

    private final Object lock = new Object();
    private List<PendingItem> pending;
    private int writesInFlight;
    private long nextBatch;
    private long nextToAcknowledge;
    private final TreeMap<Long, List<PendingItem>> committed = new TreeMap<>();
    private int outstanding;
    private volatile long stalledSince;

    public WriteBehind(Settings settings, BatchStore store, IngestCounters counters,
            ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.store = store;
        this.counters = counters;
        this.scheduler = scheduler;
        this.pending = new ArrayList<>(settings.maxBatch());
    }

    /** A batch and its place in arrival order. */
    private record Batch(long number, List<PendingItem> items) {
    }

    /** Queues one item; writes at once when a slot is free. */
    public void add(PendingItem item) {
        Batch batch;
        synchronized (lock) {
            outstanding++;
            pending.add(item);
            batch = takeBatchIfSlotFree();
        }
        if (batch != null) {
            write(batch);
        }
    }

    /** Messages taken in and not yet acknowledged. */
    public int outstanding() {
        synchronized (lock) {
            return outstanding;
        }
    }

    public Pressure pressure() {
        if (stalledSince != 0) {
            return Pressure.STALLED;
        }
        return outstanding() >= settings.capacity() ? Pressure.SATURATED : Pressure.FLOWING;
    }

    /** When the database started failing (epoch ms), or 0 while it works. */
    public long stalledSince() {
        return stalledSince;
    }

    public Settings settings() {
        return settings;
    }

    private Batch takeBatchIfSlotFree() {
        if (pending.isEmpty() || writesInFlight >= settings.maxConcurrentWrites()) {
            return null;
        }
        writesInFlight++;
        List<PendingItem> batch;
        if (pending.size() <= settings.maxBatch()) {
            batch = pending;
            pending = new ArrayList<>(Math.min(settings.maxBatch(), Math.max(16, batch.size() * 2)));
        } else {
            batch = new ArrayList<>(pending.subList(0, settings.maxBatch()));
            pending = new ArrayList<>(pending.subList(settings.maxBatch(), pending.size()));
        }
        return new Batch(nextBatch++, batch);
    }

    private void write(Batch batch) {
        writeReliably(batch.items(), 0).whenComplete((ignored, error) -> {
            if (error != null) {
                // Only a bug lands here. The batch's messages are not acknowledged but handed back to the
                // broker, and they must not hold back the batches after them.
                LOG.error("batch write failed unexpectedly; its messages go back to the broker", error);
                batch.items().forEach(item -> item.ack().redeliver());
            }
            List<PendingItem> acknowledge = new ArrayList<>();
            Batch next;
            synchronized (lock) {
                writesInFlight--;
                committed.put(batch.number(), error == null ? batch.items() : List.of());
                for (var first = committed.firstEntry(); first != null && first.getKey() == nextToAcknowledge;
                        first = committed.firstEntry()) {
                    acknowledge.addAll(committed.pollFirstEntry().getValue());
                    nextToAcknowledge++;
                }
                // A failed batch no longer counts against capacity: it is the broker's to redeliver now.
                outstanding -= acknowledge.size() + (error == null ? 0 : batch.items().size());
                next = takeBatchIfSlotFree();
            }
            for (PendingItem item : acknowledge) {
                item.ack().acknowledge();
            }
            if (next != null) {
                write(next);
            }
        });
    }

    /** Completes once every item of the batch is durable, as a signal or as a dead letter. */
    private CompletionStage<Void> writeReliably(List<PendingItem> batch, int attempt) {
        return store.write(batch).handle((counts, error) -> {
            if (error == null) {
                stalledSince = 0;
                account(batch, counts);
                return CompletableFuture.<Void>completedFuture(null);
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
            return delay(retryDelay(attempt)).thenCompose(v -> writeReliably(batch, attempt + 1));
        }).thenCompose(stage -> stage);
    }

    private CompletionStage<Void> isolate(List<PendingItem> batch, BatchStoreException failure) {
        if (batch.size() > 1) {
            int half = batch.size() / 2;
            List<PendingItem> right = batch.subList(half, batch.size());
            return writeReliably(batch.subList(0, half), 0).thenCompose(v -> writeReliably(right, 0));
        }
        PendingItem item = batch.get(0);
        if (item.isDeadLetter()) {
            LOG.error("the database refused a dead letter; it is logged here instead: " + item.deadLetter()
                    + " cause: " + failure.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        counters.rejected(item.source(), RejectReason.STORE_REJECTED);
        DeadLetter letter = storeRejected(item, failure);
        return writeReliably(List.of(PendingItem.rejected(letter, item.source(), item.ack())), 0);
    }

    private DeadLetter storeRejected(PendingItem item, BatchStoreException failure) {
        Signal signal = item.signal();
        byte[] raw = signal.toString().getBytes(StandardCharsets.UTF_8);
        return new DeadLetter(RejectReason.STORE_REJECTED, "the database refused the row: " + failure.getMessage(),
                item.source().topicOf(signal.senderId()), signal.senderId(), signal.receivedAt(),
                DeadLetter.kept(raw, settings.maxDeadLetterBytes()), raw.length);
    }

    private void account(List<PendingItem> batch, BatchStore.StoredCounts counts) {
        int[] signals = new int[SignalSource.values().length];
        for (PendingItem item : batch) {
            if (!item.isDeadLetter()) {
                signals[item.source().ordinal()]++;
            }
        }
        for (SignalSource source : SignalSource.values()) {
            int total = signals[source.ordinal()];
            if (total > 0) {
                int fresh = counts.newOf(source);
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

    private static BatchStoreException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof BatchStoreException e ? e
                : new BatchStoreException("unexpected store failure: " + cause, false, cause);
    }
}
