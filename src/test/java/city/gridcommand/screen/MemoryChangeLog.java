package city.gridcommand.screen;

import city.gridcommand.store.ChangePage;
import city.gridcommand.store.EventChange;
import city.gridcommand.store.LogPosition;
import city.gridcommand.store.StoredEvent;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A change log held in memory for the session's unit tests: appends get increasing seqs; its tail is a
 * thread of its own that hands every appended change on in seq order, as far behind the log as it happens
 * to be. The retained window starts at {@link #forget(long)}.
 */
final class MemoryChangeLog implements ChangeSource {

    private final List<EventChange> log = new ArrayList<>();
    private final List<Consumer<EventChange>> followers = new CopyOnWriteArrayList<>();
    private final BlockingQueue<EventChange> toTail = new LinkedBlockingQueue<>();
    private final Thread tail;
    private volatile String epoch = "epoch-1";
    private long oldestRetained = 0;

    MemoryChangeLog() {
        tail = new Thread(() -> {
            try {
                while (true) {
                    EventChange change = toTail.take();
                    followers.forEach(follower -> follower.accept(change));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "memory-tail");
        tail.setDaemon(true);
        tail.start();
    }

    synchronized EventChange append(String type, StoredEvent event) {
        EventChange change = new EventChange(type, event, log.size() + 1L, System.currentTimeMillis());
        log.add(change);
        toTail.add(change);
        return change;
    }

    synchronized void forget(long upTo) {
        oldestRetained = upTo + 1;
    }

    void newEpoch(String epoch) {
        this.epoch = epoch;
    }

    @Override
    public synchronized CompletionStage<LogPosition> position() {
        return CompletableFuture.completedFuture(new LogPosition(epoch, log.size()));
    }

    @Override
    public synchronized CompletionStage<ChangePage> after(long since, String scope, int limit) {
        if (since + 1 < oldestRetained) {
            return CompletableFuture.completedFuture(new ChangePage(List.of(), true, oldestRetained));
        }
        List<EventChange> page = new ArrayList<>();
        for (int i = (int) since; i < log.size() && page.size() < limit; i++) {
            if (log.get(i).event().cell().startsWith(scope)) {
                page.add(log.get(i));
            }
        }
        return CompletableFuture.completedFuture(new ChangePage(page, false, oldestRetained));
    }

    @Override
    public AutoCloseable follow(Consumer<EventChange> listener) {
        followers.add(listener);
        return () -> followers.remove(listener);
    }

    /** An event of the cell (path: district, street, cell) with the severity, open or not. */
    static StoredEvent event(UUID id, String cell, String severity, boolean open) {
        List<String> path = List.of(cell.substring(0, 6), cell.substring(0, 9), cell);
        return new StoredEvent(id, cell, path, "fire", severity, open ? "REPORTED" : "CLOSED", "cell", null, null,
                "rule", "sensor", "s-1", null, new JsonObject().put("source", "sensor").put("id", "s-1"), null, 1,
                List.of("sensor:s-1"), "register", null, false, 0, 0, null, null, 1L, null, null, null, null, 1L, open);
    }
}
