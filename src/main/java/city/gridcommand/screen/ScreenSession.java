package city.gridcommand.screen;

import city.gridcommand.store.ChangePage;
import city.gridcommand.store.EventChange;
import city.gridcommand.store.LogPosition;
import city.gridcommand.store.ScreenSnapshotRepository.ScreenSnapshot;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One screen's connection: its scope, the last change-log position it was sent, its open events counted
 * for the stats, and its outbound queue. It starts buffering the tail's changes, takes the log's position,
 * sends the snapshot (or, resuming, nothing), catches up from the log, then sends the buffered and live
 * changes: each change of the scope once, in seq order, none skipped. Changes arrive on the tail's thread
 * and only enqueue; one message is in flight to the socket at a time, so a stalled socket fills the queue,
 * and a change that does not fit closes the connection with 4408.
 */
final class ScreenSession {

    private static final Logger LOG = Logger.getLogger(ScreenSession.class);

    static final int TOO_SLOW = 4408;
    static final String TOO_SLOW_REASON = "too slow, resume with since";

    /** Where the messages go: the socket. */
    interface Sink {
        CompletionStage<Void> send(String text);

        void close(int code, String reason);
    }

    /** How a session reads the log and the snapshot, and its bounds. */
    record Sources(ChangeSource changes, Function<String, CompletionStage<ScreenSnapshot>> snapshots, int page,
            int maxMessages, long maxBytes) {
    }

    private final String id;
    private final String scope;
    private final Sink sink;
    private final Sources sources;
    private final OutboundQueue queue;
    private final CellCounts counts;
    private final Object lock = new Object();
    private final List<EventChange> buffered = new ArrayList<>();

    private long lastSeq = -1;
    private boolean live;
    private boolean shown;
    private boolean closed;
    private boolean sending;
    private boolean countsChanged;
    private String lastCells;
    private volatile long lastHeard = System.currentTimeMillis();

    ScreenSession(String id, String scope, Sink sink, Sources sources) {
        this.id = id;
        this.scope = scope;
        this.sink = sink;
        this.sources = sources;
        this.queue = new OutboundQueue(sources.maxMessages(), sources.maxBytes());
        this.counts = new CellCounts(scope);
    }

    String id() {
        return id;
    }

    String scope() {
        return scope;
    }

    boolean covers(String cell) {
        return cell != null && cell.startsWith(scope);
    }

    /**
     * Sends the snapshot, or with {@code since} the changes after it (a fresh snapshot with
     * {@code resync:true} when {@code since} is no longer retained or belongs to another epoch), then goes live.
     */
    CompletionStage<Void> start(Long since, String epoch) {
        return sources.changes().position().thenCompose(position -> {
            if (since == null) {
                return snapshot(position, false);
            }
            boolean otherEpoch = epoch != null && !epoch.equals(position.epoch());
            if (otherEpoch || since > position.seq()) {
                return snapshot(position, true);
            }
            return sources.changes().after(since, scope, sources.page()).thenCompose(first -> first.tooOld()
                    ? snapshot(position, true) : resume(since, first));
        }).thenCompose(ignored -> catchUp()).thenRun(this::goLive);
    }

    private CompletionStage<Void> snapshot(LogPosition position, boolean resync) {
        return sources.snapshots().apply(scope).thenAccept(snapshot -> {
            synchronized (lock) {
                snapshot.events().forEach(counts::put);
                JsonObject data = SnapshotReader.data(scope, snapshot, counts);
                lastCells = data.getJsonArray("cells").encode();
                lastSeq = position.seq();
                shown = true;
                queue.offerKept(new JsonObject().put("type", "snapshot").put("seq", position.seq())
                        .put("epoch", position.epoch()).put("resync", resync).put("data", data).encode(), true);
            }
            pump();
        });
    }

    /** Resuming: the counts start from the scope's open events now; the changes after {@code since} follow. */
    private CompletionStage<Void> resume(long since, ChangePage first) {
        return sources.snapshots().apply(scope).thenAccept(snapshot -> {
            synchronized (lock) {
                snapshot.events().forEach(counts::put);
                lastCells = counts.cells().encode();
                lastSeq = since;
                shown = true;
                first.changes().forEach(change -> deliver(change, null));
            }
            pump();
        });
    }

    /** Reads the log after the last change sent until a page is not full. */
    private CompletionStage<Void> catchUp() {
        long from;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            from = lastSeq;
        }
        return sources.changes().after(from, scope, sources.page()).thenCompose(page -> {
            synchronized (lock) {
                page.changes().forEach(change -> deliver(change, null));
            }
            pump();
            return page.changes().size() < sources.page() ? CompletableFuture.completedFuture(null) : catchUp();
        });
    }

    private void goLive() {
        synchronized (lock) {
            live = true;
            buffered.sort(Comparator.comparingLong(EventChange::seq));
            buffered.forEach(change -> deliver(change, null));
            buffered.clear();
        }
        pump();
    }

    /** A change from the tail (any scope); {@code text} is its message, encoded once for every screen. */
    void offerChange(EventChange change, String text) {
        if (!covers(change.event().cell())) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (!live) {
                buffered.add(change);
                if (buffered.size() > sources.maxMessages()) {
                    tooSlow();
                }
                return;
            }
            deliver(change, text);
        }
        pump();
    }

    /** A worker's position, a device's status: replaces the one of the same key still waiting. */
    void offerEphemeral(String key, String text) {
        synchronized (lock) {
            if (closed || !shown) {
                return;
            }
            queue.offerLatest(key, text);
        }
        pump();
    }

    /** Queues the per-child-cell counts when they changed since they were last queued. */
    void tickStats() {
        synchronized (lock) {
            if (closed || !live || !countsChanged) {
                return;
            }
            countsChanged = false;
            String cells = counts.cells().encode();
            if (cells.equals(lastCells)) {
                return;
            }
            lastCells = cells;
            queue.offerLatest("stats", "{\"type\":\"stats\",\"data\":{\"cells\":" + cells + "}}");
        }
        pump();
    }

    void heard() {
        lastHeard = System.currentTimeMillis();
    }

    long lastHeard() {
        return lastHeard;
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    int waiting() {
        return queue.messages();
    }

    /** The connection closed (by either side): nothing more is queued or sent. */
    void closed() {
        synchronized (lock) {
            closed = true;
            queue.clear();
            buffered.clear();
        }
    }

    /** Closes the connection with a code and reason, dropping what waits. */
    void close(int code, String reason) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            buffered.clear();
        }
        sink.close(code, reason);
    }

    // the lock is held
    private void deliver(EventChange change, String text) {
        if (closed || change.seq() <= lastSeq || !covers(change.event().cell())) {
            return;
        }
        lastSeq = change.seq();
        counts.put(change.event());
        countsChanged = true;
        if (!queue.offerKept(text != null ? text : change.message().encode(), false)) {
            tooSlow();
        }
    }

    // the lock is held
    private void tooSlow() {
        LOG.infof("screen %s of %s is too slow (%d messages, %d bytes waiting): closed with %d", id, scope,
                queue.messages(), queue.bytes(), TOO_SLOW);
        closed = true;
        queue.clear();
        buffered.clear();
        sink.close(TOO_SLOW, TOO_SLOW_REASON);
    }

    private void pump() {
        while (true) {
            String next;
            synchronized (lock) {
                if (sending || closed) {
                    return;
                }
                next = queue.poll();
                if (next == null) {
                    return;
                }
                sending = true;
            }
            CompletableFuture<Void> sent = sink.send(next).toCompletableFuture();
            if (!sent.isDone()) {
                sent.whenComplete((done, error) -> {
                    sent(error);
                    if (error == null) {
                        pump();
                    }
                });
                return;
            }
            Throwable error = sent.isCompletedExceptionally() ? sent.handle((d, e) -> e).join() : null;
            sent(error);
            if (error != null) {
                return;
            }
        }
    }

    private void sent(Throwable error) {
        synchronized (lock) {
            sending = false;
        }
        if (error != null) {
            LOG.debugf("screen %s: a send failed (%s)", id, error.getMessage());
            closed();
        }
    }
}
