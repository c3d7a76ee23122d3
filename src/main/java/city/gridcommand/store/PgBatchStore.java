package city.gridcommand.store;

import city.gridcommand.ingest.BatchStore;
import city.gridcommand.ingest.BatchStoreException;
import city.gridcommand.ingest.PendingItem;
import city.gridcommand.event.EventRaise;
import city.gridcommand.event.EventRaising;
import city.gridcommand.event.EventTrigger;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.WorkerReport;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Writes a batch in one transaction: one multi-row INSERT per feed present in the batch, the worker
 * cell changes its positions settled, the cases its new worker reports open or join, the events its
 * new signals' rule triggers raise or join (as {@link EventRaising} decides) (with their change-log
 * entries, written last: {@link ChangeLog}), and its dead letters, including one for each conflicting
 * duplicate (a stored key with another payload: {@link Duplicates}). Failures are sorted by SQLSTATE
 * into "the data was refused" (permanent) and "the database is unavailable" (retry).
 * Event changes are handed to {@code afterCommit} once they are durable. A batch of one feed's plain
 * signals is a single INSERT without a transaction, tried first as if every row were new
 * ({@link FreshFirstInsert}).
 */
public final class PgBatchStore implements BatchStore {

    private static final int SOURCES = SignalSource.values().length;

    private final Pool pool;
    private final EventRaising raising;
    private final Consumer<List<EventChange>> afterCommit;
    private final FreshFirstInsert freshFirst = new FreshFirstInsert();

    public PgBatchStore(Pool pool, EventRaising raising, Consumer<List<EventChange>> afterCommit) {
        this.pool = pool;
        this.raising = raising;
        this.afterCommit = afterCommit;
    }

    @Override
    public CompletionStage<StoredCounts> write(List<PendingItem> items) {
        Batch batch = new Batch(items);
        long now = System.currentTimeMillis();
        // One statement is atomic by itself: without BEGIN and COMMIT it is one round trip instead of three,
        // which is most of a batch's latency on a busy machine.
        Future<Void> written = batch.oneStatement
                ? pool.withConnection(connection -> insertAll(connection, batch, now))
                : pool.withTransaction(connection -> insertAll(connection, batch, now));
        return written
                .map(v -> {
                    if (!batch.changes.isEmpty()) {
                        afterCommit.accept(batch.changes);
                    }
                    return new StoredCounts(batch.fresh, batch.conflicts);
                })
                .recover(error -> Future.failedFuture(classify(error)))
                .toCompletionStage();
    }

    /** A batch sorted by feed, and what its writing found out. */
    private static final class Batch {
        final List<List<PendingItem>> bySource = new ArrayList<>(SOURCES);
        final List<PendingItem> deadLetters = new ArrayList<>();
        final List<EventTrigger> triggers = new ArrayList<>();
        final int[] fresh = new int[SOURCES];
        final int[] conflicts = new int[SOURCES];
        /** The dead letters of the conflicting duplicates found while writing. */
        final List<PendingItem> conflictLetters = new ArrayList<>();
        final List<EventChange> changes = new ArrayList<>();
        /** Per feed: whether a signal of it carries rule triggers. */
        final boolean[] triggered = new boolean[SOURCES];
        /** Whether writing this batch takes a single INSERT, without a transaction ({@link #isOneStatement}). */
        final boolean oneStatement;

        Batch(List<PendingItem> items) {
            for (int i = 0; i < SOURCES; i++) {
                bySource.add(new ArrayList<>());
            }
            for (PendingItem item : items) {
                if (item.isDeadLetter()) {
                    deadLetters.add(item);
                } else {
                    bySource.get(item.source().ordinal()).add(item);
                    triggered[item.source().ordinal()] |= item.triggered();
                }
            }
            oneStatement = isOneStatement();
        }

        /**
         * Whether writing this batch takes a single INSERT: one feed, no dead letters, and nothing that
         * follows from the rows (reports open cases, positions settle cell changes, triggers join events).
         */
        private boolean isOneStatement() {
            if (!deadLetters.isEmpty()) {
                return false;
            }
            SignalSource only = null;
            for (SignalSource source : SignalSource.feeds()) {
                if (!bySource.get(source.ordinal()).isEmpty()) {
                    if (only != null) {
                        return false;
                    }
                    only = source;
                }
            }
            return only != null && only != SignalSource.WORKER_REPORT && only != SignalSource.WORKER_LOCATION
                    && !triggered[only.ordinal()];
        }
    }

    /** Whether the next one-statement batch goes straight to {@code ON CONFLICT} ({@link FreshFirstInsert}). */
    boolean expectsDuplicates() {
        return freshFirst.expectsDuplicates();
    }

    private Future<Void> insertAll(SqlConnection connection, Batch batch, long now) {
        batch.changes.clear();
        batch.triggers.clear();
        batch.conflictLetters.clear();
        Future<Void> chain = Future.succeededFuture();
        for (SignalSource source : SignalSource.feeds()) {
            List<PendingItem> rows = batch.bySource.get(source.ordinal());
            if (rows.isEmpty()) {
                continue;
            }
            if (source == SignalSource.WORKER_REPORT) {
                chain = chain.compose(v -> insertReports(connection, rows, batch, now));
            } else if (batch.triggered[source.ordinal()]) {
                chain = chain.compose(v -> insertKeepingTriggersOfNewRows(connection, source, rows, batch));
            } else {
                // Without a transaction (one-statement batches) a conflict found here is dead-lettered by
                // statements of their own; if one of them fails, the retry finds the rows just stored as
                // redeliveries and the conflict again, so nothing is stored twice or lost.
                SignalKeys.FeedKey key = SignalKeys.of(source);
                BatchInsert<?> insert = FeedInserts.forSource(source);
                chain = chain.compose(v -> batch.oneStatement ? freshFirst.insert(connection, insert, rows)
                                : insert.run(connection, rows))
                        .compose(count -> Duplicates.ofCount(connection, key, rows, count))
                        .map(sorted -> record(batch, source, sorted));
            }
        }
        List<PendingItem> positions = batch.bySource.get(SignalSource.WORKER_LOCATION.ordinal());
        if (!positions.isEmpty()) {
            chain = chain.compose(v -> {
                Future<Void> changes = WorkerCellChanges.insert(connection, positions);
                return changes == null ? Future.succeededFuture() : changes;
            });
        }
        // the triggers are known only once the inserts said which signals were new
        chain = chain.compose(v -> batch.triggers.isEmpty() ? Future.succeededFuture(List.<EventChange>of())
                : EventUpsert.applyAll(connection, raising.ofTriggers(batch.triggers, now), now)).map(changes -> {
                    batch.changes.addAll(changes);
                    return null;
                });
        chain = chain.compose(v -> {
            List<PendingItem> letters = new ArrayList<>(batch.deadLetters);
            letters.addAll(batch.conflictLetters);
            return letters.isEmpty() ? Future.succeededFuture() : FeedInserts.DEAD_LETTER.run(connection, letters);
        }).mapEmpty();
        // last before the commit: the change log's seqs are taken under a lock held until the commit
        return chain.compose(v -> ChangeLog.append(connection, List.copyOf(batch.changes))).map(logged -> {
            batch.changes.clear();
            batch.changes.addAll(logged);
            return null;
        });
    }

    /** Only signals new to the database raise or join events: a redelivered duplicate changes nothing. */
    private static Future<Void> insertKeepingTriggersOfNewRows(SqlConnection connection, SignalSource source,
            List<PendingItem> rows, Batch batch) {
        return insertReturningNewItems(connection, source, rows, batch).map(fresh -> {
            for (PendingItem item : fresh) {
                batch.triggers.addAll(item.triggers());
            }
            return null;
        });
    }

    /** Only reports new to the database open or join a case: a redelivered report changes nothing. */
    private Future<Void> insertReports(SqlConnection connection, List<PendingItem> rows, Batch batch, long now) {
        return insertReturningNewItems(connection, SignalSource.WORKER_REPORT, rows, batch).compose(fresh -> {
            List<EventRaise> raises = new ArrayList<>();
            for (PendingItem item : fresh) {
                raising.ofReport((WorkerReport) item.signal(), item.placement().location(), now).ifPresent(raises::add);
            }
            return EventUpsert.applyAll(connection, raises, now).map(changes -> {
                batch.changes.addAll(changes);
                return null;
            });
        });
    }

    /** Inserts a feed's rows; completes with the items that were new to the database. */
    private static Future<List<PendingItem>> insertReturningNewItems(SqlConnection connection, SignalSource source,
            List<PendingItem> rows, Batch batch) {
        SignalKeys.FeedKey key = SignalKeys.of(source);
        return FeedInserts.forSource(source).runReturning(connection, rows, key.returning())
                .compose(inserted -> Duplicates.ofReturned(connection, key, rows, inserted))
                .map(sorted -> {
                    record(batch, source, sorted);
                    return sorted.freshItems();
                });
    }

    private static Void record(Batch batch, SignalSource source, Duplicates.Sorted sorted) {
        batch.fresh[source.ordinal()] = sorted.fresh();
        batch.conflicts[source.ordinal()] = sorted.conflicts().size();
        batch.conflictLetters.addAll(sorted.conflicts());
        return null;
    }

    /**
     * Transient failures (the connection, the server, a lock or a conflict with another transaction) are
     * retried; anything else is permanent and the batch is split until the rows at fault are found and
     * dead-lettered. The table is {@link WriteFailures}.
     */
    static BatchStoreException classify(Throwable error) {
        return WriteFailures.classify(error);
    }
}
