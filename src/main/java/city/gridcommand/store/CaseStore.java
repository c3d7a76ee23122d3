package city.gridcommand.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes cases one at a time (they are rare next to signals), each change with its history entry and
 * change-log entry in one transaction, handed to the relay once committed.
 */
@ApplicationScoped
public class CaseStore {

    private final Pool pool;
    private final EventChangeRelay relay;
    private final EventJoins joins;

    CaseStore(io.vertx.mutiny.sqlclient.Pool pool, EventChangeRelay relay, CaseOpening opening) {
        this.pool = pool.getDelegate();
        this.relay = relay;
        this.joins = new EventJoins(opening);
    }

    /** Rule triggers raised outside a batch of signals (silence): raised or joined in one transaction. */
    public Uni<List<EventChange>> raiseAll(List<city.gridcommand.rules.EventTrigger> triggers) {
        long now = System.currentTimeMillis();
        return Uni.createFrom().completionStage(
                        pool.withTransaction(connection -> joins.apply(connection, triggers, now)).toCompletionStage())
                .invoke(relay::accept);
    }

    /** A case from the hotline or a dispatcher: raises it, or joins the open one of its cell and category. */
    public Uni<EventChange> raise(EventUpsert.Raise raise, String actor) {
        long now = System.currentTimeMillis();
        return committed(pool.withTransaction(connection -> EventUpsert.apply(connection, raise, actor, now)));
    }

    /**
     * Locks the case, lets {@code decide} turn it into an update (or fail with a refusal), writes the
     * update, its history entry and its change-log entry. Fails with {@link CaseNotFoundException}.
     */
    public Uni<EventChange> update(UUID id, Function<StoredEvent, CaseUpdate> decide) {
        return committed(pool.withTransaction(connection -> lock(connection, id)
                .compose(event -> CaseUpdates.write(connection, event, decide.apply(event)))));
    }

    /**
     * Open cases whose deadline has passed, locked for this transaction and skipped by other instances,
     * each updated as {@code escalate} says (null: left as it is).
     */
    public Uni<List<EventChange>> escalateDue(long now, int limit, Function<StoredEvent, CaseUpdate> escalate) {
        return Uni.createFrom().completionStage(pool.withTransaction(connection -> connection
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
                                chain = chain.compose(v -> CaseUpdates.write(connection, event, update))
                                        .map(change -> {
                                            changes.add(change);
                                            return null;
                                        });
                            }
                            return chain.map(v -> changes);
                        }))
                .toCompletionStage()).invoke(changes -> {
                    if (!changes.isEmpty()) {
                        relay.accept(changes);
                    }
                });
    }

    private static Future<StoredEvent> lock(SqlConnection connection, UUID id) {
        return connection.preparedQuery("SELECT " + EventRows.COLUMNS + " FROM event WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(id)).compose(rows -> rows.iterator().hasNext()
                        ? Future.succeededFuture(EventRows.event(rows.iterator().next()))
                        : Future.failedFuture(new CaseNotFoundException(id)));
    }

    private Uni<EventChange> committed(Future<EventChange> transaction) {
        return Uni.createFrom().completionStage(transaction.toCompletionStage())
                .invoke(change -> relay.accept(List.of(change)));
    }
}
