package city.gridcommand.ingest;

import city.gridcommand.signal.WorkerAck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * Gathers pending items into batches, makes each batch durable through the {@link BatchStore}, and
 * only then acknowledges its messages and asks the broker for as many new ones.
 *
 * <p>Batches form naturally: while the write slots are busy, items accumulate, so a quiet system
 * writes each message at once and a loaded one writes large batches. A batch the database cannot take
 * right now is retried with back-off and holds its slot; a batch the database refuses for any other
 * reason is split until the offending message is found and dead-lettered with its payload, so one bad
 * row never stops ingestion ({@link DurableWrite}). A message that cannot be made durable even as a dead
 * letter is handed back to the broker, never acknowledged.
 *
 * <p>Acknowledgements leave in the order the messages arrived, even when a later batch commits first:
 * MQTT requires PUBACKs in the order the PUBLISH packets were received (MQTT 5.0, 4.6).
 */
public final class WriteBehind {

    private static final Logger LOG = Logger.getLogger(WriteBehind.class);

    /**
     * @param maxBatch            most items in one write
     * @param maxConcurrentWrites writes in flight at once
     * @param capacity            most messages held unacknowledged (back-pressure is reported from here on)
     * @param maxRetryDelay       ceiling of the back-off while the database is unavailable
     * @param maxDeadLetterBytes  payload bytes kept for a message the database refused: the payload limit,
     *                            so that the whole message can be replayed
     */
    public record Settings(int maxBatch, int maxConcurrentWrites, int capacity, Duration maxRetryDelay,
            int maxDeadLetterBytes) {
    }

    private final Settings settings;
    private final DurableWrite durable;
    private final IngestCounters counters;
    private final StoredAlertAcks alertAcks;

    private final Object lock = new Object();
    private List<PendingItem> pending;
    private int writesInFlight;
    private long nextBatch;
    private long nextToAcknowledge;
    private final TreeMap<Long, List<PendingItem>> committed = new TreeMap<>();
    private int outstanding;

    /** Also tells {@code alertAcks} of each alert ack once its batch is durable. */
    public WriteBehind(Settings settings, BatchStore store, IngestCounters counters,
            ScheduledExecutorService scheduler, StoredAlertAcks alertAcks) {
        this.alertAcks = alertAcks;
        this.settings = settings;
        this.durable = new DurableWrite(settings, store, counters, scheduler);
        this.counters = counters;
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
        if (durable.stalledSince() != 0) {
            return Pressure.STALLED;
        }
        return outstanding() >= settings.capacity() ? Pressure.SATURATED : Pressure.FLOWING;
    }

    /** When the database started failing (epoch ms), or 0 while it works. */
    public long stalledSince() {
        return durable.stalledSince();
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
        durable.write(batch.items()).whenComplete((givenBack, error) -> {
            List<PendingItem> back = givenBack;
            if (error != null) {
                // Only a bug lands here. The batch's messages are not acknowledged but handed back to the
                // broker, and they must not hold back the batches after them.
                LOG.error("batch write failed unexpectedly; its messages go back to the broker", error);
                back = batch.items();
            }
            handBack(back);
            List<PendingItem> stored = back.isEmpty() ? batch.items() : without(batch.items(), back);
            List<PendingItem> acknowledge = new ArrayList<>();
            Batch next;
            synchronized (lock) {
                writesInFlight--;
                committed.put(batch.number(), stored);
                for (var first = committed.firstEntry(); first != null && first.getKey() == nextToAcknowledge;
                        first = committed.firstEntry()) {
                    acknowledge.addAll(committed.pollFirstEntry().getValue());
                    nextToAcknowledge++;
                }
                // What was handed back no longer counts against capacity: it is the broker's to redeliver now.
                outstanding -= acknowledge.size() + back.size();
                next = takeBatchIfSlotFree();
            }
            for (PendingItem item : acknowledge) {
                item.ack().acknowledge();
            }
            tellAlertAcks(stored);
            if (next != null) {
                write(next);
            }
        });
    }

    private void tellAlertAcks(List<PendingItem> stored) {
        for (PendingItem item : stored) {
            if (!item.isDeadLetter() && item.signal() instanceof WorkerAck ack && ack.alertId() != null) {
                try {
                    alertAcks.stored(ack);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "the ack of alert %s by %s was not handed over; the alerts' timers will find it",
                            ack.alertId(), ack.senderId());
                }
            }
        }
    }

    /** Messages that could not be made durable: not acknowledged, counted, and the broker's to send again. */
    private void handBack(List<PendingItem> back) {
        for (PendingItem item : back) {
            counters.redelivered(item.source());
            item.ack().redeliver();
        }
    }

    /** The items of {@code batch} but those in {@code back}: the very items, compared by identity. */
    private static List<PendingItem> without(List<PendingItem> batch, List<PendingItem> back) {
        Set<PendingItem> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        excluded.addAll(back);
        return batch.stream().filter(item -> !excluded.contains(item)).toList();
    }
}
