package city.gridcommand.ingest;

import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An in-memory store with the database's semantics that matter to the write-behind: all-or-nothing
 * batches, duplicates skipped by identity, rows it refuses, and outages. Writes complete when the test
 * says so, so the test controls concurrency.
 */
final class FakeBatchStore implements BatchStore {

    final Set<String> identities = new HashSet<>();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final List<Runnable> held = new CopyOnWriteArrayList<>();
    volatile boolean down;
    volatile boolean holdWrites;
    /** Answers with counts the write-behind cannot read: stands for a bug after the write. */
    volatile boolean answersBadly;
    volatile Predicate<PendingItem> refuses = item -> false;

    @Override
    public synchronized CompletionStage<StoredCounts> write(List<PendingItem> items) {
        CompletableFuture<StoredCounts> result = new CompletableFuture<>();
        Runnable complete = () -> complete(List.copyOf(items), result);
        if (holdWrites) {
            held.add(complete);
        } else {
            complete.run();
        }
        return result;
    }

    /** Completes every write held so far. */
    void release() {
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Runnable::run);
    }

    /** Completes only the write held last, leaving the earlier ones waiting. */
    void releaseLast() {
        held.remove(held.size() - 1).run();
    }

    private synchronized void complete(List<PendingItem> items, CompletableFuture<StoredCounts> result) {
        if (down) {
            result.completeExceptionally(new BatchStoreException("connection refused", false, null));
            return;
        }
        if (items.stream().anyMatch(refuses)) {
            result.completeExceptionally(new BatchStoreException("value too long", true, null));
            return;
        }
        if (answersBadly) {
            result.complete(new StoredCounts(new int[0]));
            return;
        }
        batchSizes.add(items.size());
        int[] fresh = new int[SignalSource.values().length];
        for (PendingItem item : items) {
            if (item.isDeadLetter()) {
                deadLetters.add(item.deadLetter());
            } else if (identities.add(identity(item))) {
                fresh[item.source().ordinal()]++;
            }
        }
        result.complete(new StoredCounts(fresh));
    }

    static String identity(PendingItem item) {
        if (item.signal() instanceof Telemetry t) {
            return t.senderId() + "/" + t.seq();
        }
        return item.source() + "/" + item.signal().senderId() + "/" + item.signal().ts();
    }

    int stored() {
        return identities.size();
    }
}
