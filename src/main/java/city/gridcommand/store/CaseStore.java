package city.gridcommand.store;

import city.gridcommand.event.EventRaise;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes cases one at a time (they are rare next to signals), each change with its history entry and
 * change-log entry in one transaction (the change log last, {@link ChangeLog}), handed to
 * {@code afterCommit} once committed.
 */
public final class CaseStore {

    private final Pool pool;
    private final Consumer<List<EventChange>> afterCommit;

    public CaseStore(Pool pool, Consumer<List<EventChange>> afterCommit) {
        this.pool = pool;
        this.afterCommit = afterCommit;
    }

    /** Events raised outside a batch of signals (silence), in the order given: raised or joined in one transaction. */
    public CompletionStage<List<EventChange>> raiseAll(List<EventRaise> raises) {
        long now = System.currentTimeMillis();
        return pool.withTransaction(connection -> EventUpsert.applyAll(connection, raises, now)
                        .compose(changes -> ChangeLog.append(connection, changes)))
                .map(changes -> {
                    afterCommit.accept(changes);
                    return changes;
                }).toCompletionStage();
    }

    /** A case from the hotline or a dispatcher: raises it, or joins the open one of its cell and category. */
    public CompletionStage<EventChange> raise(EventRaise raise) {
        long now = System.currentTimeMillis();
        return committed(pool.withTransaction(connection -> EventUpsert.apply(connection, raise, now)
                .compose(change -> logged(connection, change))));
    }

    /**
     * Locks the case, lets {@code decide} turn it into an update (or fail with a refusal), writes the
     * update, its history entry and its change-log entry. Fails with {@link CaseNotFoundException}.
     */
    public CompletionStage<EventChange> update(UUID id, Function<StoredEvent, CaseUpdate> decide) {
        return committed(pool.withTransaction(connection -> lock(connection, id)
                .compose(event -> CaseUpdateWriter.write(connection, event, decide.apply(event)))
                .compose(change -> logged(connection, change))));
    }

    /**
     * Open cases whose deadline has passed, locked for this transaction and skipped by other instances,
     * each updated as {@code escalate} says (null: left as it is).
     */
    public CompletionStage<List<EventChange>> escalateDue(long now, int limit,
            Function<StoredEvent, CaseUpdate> escalate) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("SELECT " + EventRows.COLUMNS + " FROM event WHERE open AND deadline <= $1 "
                                + "ORDER BY deadline LIMIT $2 FOR UPDATE SKIP LOCKED")
                        .execute(Tuple.of(now, limit))
                        .compose(rows -> {
                            List<StoredEvent> due = new java.util.ArrayList<>();
                            rows.forEach(row -> due.add(EventRows.event(row)));
                            List<EventChange> changes = new java.util.ArrayList<>();
                            Future<Void> chain = Future.succeededFuture();
                            for (StoredEvent event : due) {
                                CaseUpdate update = escalate.apply(event);
                                if (update == null) {
                                    continue;
                                }
                                chain = chain.compose(v -> CaseUpdateWriter.write(connection, event, update))
                                        .map(change -> {
                                            changes.add(change);
                                            return null;
                                        });
                            }
                            return chain.compose(v -> ChangeLog.append(connection, changes));
                        }))
                .map(changes -> {
                    if (!changes.isEmpty()) {
                        afterCommit.accept(changes);
                    }
                    return changes;
                }).toCompletionStage();
    }

    private static Future<StoredEvent> lock(SqlConnection connection, UUID id) {
        return connection.preparedQuery("SELECT " + EventRows.COLUMNS + " FROM event WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(id)).compose(rows -> rows.iterator().hasNext()
                        ? Future.succeededFuture(EventRows.event(rows.iterator().next()))
                        : Future.failedFuture(new CaseNotFoundException(id)));
    }

    private static Future<EventChange> logged(SqlConnection connection, EventChange change) {
        return ChangeLog.append(connection, List.of(change)).map(logged -> logged.get(0));
    }

    private CompletionStage<EventChange> committed(Future<EventChange> transaction) {
        return transaction.map(change -> {
            afterCommit.accept(List.of(change));
            return change;
        }).toCompletionStage();
    }
}
