package city.gridcommand.store;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The alerts' tables (V12): the engine's transactions ({@link #inTransaction}, statements in
 * {@link AlertWork}), the reads of the API, and the policy set in force.
 */
@ApplicationScoped
public class AlertRepository {

    /** An alert with what it did: its events, everyone told and every delivery. */
    public record AlertDetail(StoredAlert alert, List<UUID> events, List<StoredAlertRecipient> recipients,
            List<StoredAlertDelivery> deliveries) {
    }

    private final Pool pool;

    AlertRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} in one transaction on one connection and commits; rolls back when it throws. Blocks:
     * never call it on an event loop. The transaction is PostgreSQL's own ({@code BEGIN}, {@code COMMIT}),
     * not the client's, which rolls back at the first failed statement: the work may undo one part with
     * {@link AlertWork#savepoint()} and {@link AlertWork#rollbackToSavepoint()} and go on. A statement that
     * failed and was not undone so fails the whole transaction.
     */
    public <T> T inTransaction(Function<AlertWork, T> work) {
        SqlConnection connection = Await.result(pool.getConnection().toCompletionStage());
        try {
            Await.result(connection.query("BEGIN").execute().toCompletionStage());
            AlertWork statements = new AlertWork(connection);
            T result;
            try {
                result = work.apply(statements);
                if (statements.failed()) {
                    throw new IllegalStateException("a statement of the transaction failed and was not undone");
                }
            } catch (RuntimeException | Error e) {
                try {
                    Await.result(connection.query("ROLLBACK").execute().toCompletionStage());
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            Await.result(connection.query("COMMIT").execute().toCompletionStage());
            return result;
        } finally {
            connection.close();
        }
    }

    // --- the policies

    /** The stored policy set's JSON, or null when the default file is in force. */
    public CompletionStage<String> policies() {
        return pool.query("SELECT policies::text FROM alert_policy_set WHERE id = 1").execute()
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null)
                .toCompletionStage();
    }

    /** Stores the policy set (a JSON object), replacing the one stored. */
    public CompletionStage<Void> replacePolicies(String json) {
        return pool.preparedQuery("INSERT INTO alert_policy_set (id, policies, updated_at) VALUES (1, $1, $2) "
                        + "ON CONFLICT (id) DO UPDATE SET policies = EXCLUDED.policies, updated_at = EXCLUDED.updated_at")
                .execute(Tuple.of(new JsonObject(json), System.currentTimeMillis())).<Void>mapEmpty()
                .toCompletionStage();
    }

    // --- reads

    /**
     * Alerts newest first, optionally of one event, in one state, or sent to one person ({@code alert} kind),
     * and, when {@code within} is not null, only those whose cell is under one of its codes.
     */
    public CompletionStage<List<StoredAlert>> list(UUID event, String state, String person, List<String> within,
            int limit) {
        return pool.preparedQuery("SELECT " + AlertRows.ALERT + " FROM alert a WHERE "
                        + "($1::uuid IS NULL OR EXISTS (SELECT 1 FROM alert_event e WHERE e.alert_id = a.id AND e.event_id = $1)) "
                        + "AND ($2::text IS NULL OR state = $2) "
                        + "AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM alert_recipient r WHERE r.alert_id = a.id "
                        + "AND r.person_id = $3 AND r.kind = 'alert')) "
                        + "AND ($4::text[] IS NULL OR cell LIKE ANY ($4)) ORDER BY opened_at DESC, id LIMIT $5")
                .execute(Tuple.of(event, state, person, EventRepository.prefixPatterns(within), limit))
                .map(rows -> {
                    List<StoredAlert> alerts = new ArrayList<>();
                    rows.forEach(r -> alerts.add(AlertRows.alert(r)));
                    return alerts;
                }).toCompletionStage();
    }

    /** The alert with its events, recipients and deliveries; null when there is none. */
    public CompletionStage<AlertDetail> detail(UUID id) {
        return pool.preparedQuery("SELECT " + AlertRows.ALERT + " FROM alert WHERE id = $1").execute(Tuple.of(id))
                .compose(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return io.vertx.core.Future.succeededFuture((AlertDetail) null);
                    }
                    StoredAlert alert = AlertRows.alert(rows.iterator().next());
                    var events = pool.preparedQuery("SELECT event_id FROM alert_event WHERE alert_id = $1 "
                            + "ORDER BY added_at, event_id").execute(Tuple.of(id));
                    var recipients = pool.preparedQuery("SELECT " + AlertRows.RECIPIENT + " FROM alert_recipient "
                            + "WHERE alert_id = $1 ORDER BY id").execute(Tuple.of(id));
                    var deliveries = pool.preparedQuery("SELECT " + AlertRows.DELIVERY + " FROM alert_delivery "
                            + "WHERE alert_id = $1 ORDER BY id").execute(Tuple.of(id));
                    return io.vertx.core.Future.all(events, recipients, deliveries).map(all -> {
                        List<UUID> eventIds = new ArrayList<>();
                        events.result().forEach(r -> eventIds.add(r.getUUID(0)));
                        List<StoredAlertRecipient> people = new ArrayList<>();
                        recipients.result().forEach(r -> people.add(AlertRows.recipient(r)));
                        List<StoredAlertDelivery> tries = new ArrayList<>();
                        deliveries.result().forEach(r -> tries.add(AlertRows.delivery(r)));
                        return new AlertDetail(alert, eventIds, people, tries);
                    });
                }).toCompletionStage();
    }

    /** Deliveries in a state ({@code dead}: given up on), newest first, after the id {@code before} (null: the newest). */
    public CompletionStage<List<StoredAlertDelivery>> deliveries(String state, Long before, int limit) {
        return pool.preparedQuery("SELECT " + AlertRows.DELIVERY + " FROM alert_delivery WHERE state = $1 "
                        + "AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3")
                .execute(Tuple.of(state, before, limit))
                .map(rows -> {
                    List<StoredAlertDelivery> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(AlertRows.delivery(r));
                    }
                    return list;
                }).toCompletionStage();
    }
}
