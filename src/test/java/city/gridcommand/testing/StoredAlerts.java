package city.gridcommand.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Alerts as the engine stores them (V12: alert, alert_recipient, alert_delivery), written straight to the
 * database for tests of what reads them (the /ws/v1/alerts socket's open alerts, acks): an open RED alert
 * of one cell whose next step is an hour away (the timers leave it be), sent to its people on the browser
 * channel with the body {@link #body} makes.
 */
public final class StoredAlerts {

    private StoredAlerts() {
    }

    /** The alert's wire body for a person. */
    public static String body(String alertId, String person, String cell, List<String> cellPath, String category,
            long ts) {
        return new JsonObject().put("type", "alert").put("alertId", alertId).put("kind", "alert").put("reason", "raised")
                .put("person", person).put("cell", cell).put("cellPath", new JsonArray(cellPath)).put("severity", "RED")
                .put("events", new JsonArray().add(new JsonObject().put("id", UUID.randomUUID().toString())
                        .put("category", category).put("severity", "RED").put("state", "REPORTED")))
                .put("step", 1).put("round", 1).put("ackBy", ts + 300_000).put("ts", ts).encode();
    }

    /** A new open alert sent to these people (each their own body); its id. */
    public static String open(Pool pool, String cell, List<String> cellPath, String category, long at, String... people) {
        String alertId = UUID.randomUUID().toString();
        pool.withTransaction(connection -> connection.preparedQuery("""
                INSERT INTO alert (id, cell, cell_path, category, severity, reason, policy, policy_body, step, round,
                                   state, next_step_at, step_at, opened_at, group_until, updated_at)
                VALUES ($1, $2, $3, $4, 'RED', 'raised', 'test', '{}'::jsonb, 1, 1, 'open', $5, $6, $6, $6, $6)""")
                .execute(Tuple.of(UUID.fromString(alertId), cell, cellPath.toArray(String[]::new), category,
                        at + 3_600_000, at))
                .compose(inserted -> {
                    io.vertx.core.Future<Void> all = io.vertx.core.Future.succeededFuture();
                    for (String person : people) {
                        all = all.compose(done -> connection.preparedQuery("""
                                INSERT INTO alert_recipient (alert_id, person_id, step, round, kind, source, notified_at)
                                VALUES ($1, $2, 1, 1, 'alert', 'person', $3) RETURNING id""")
                                .execute(Tuple.of(UUID.fromString(alertId), person, at))
                                .compose(rows -> connection.preparedQuery("""
                                        INSERT INTO alert_delivery (recipient_id, alert_id, person_id, channel, kind, state,
                                                                    attempts, sent_at, created_at, body)
                                        VALUES ($1, $2, $3, 'browser', 'alert', 'sent', 1, $4, $4, $5)""")
                                        .execute(Tuple.of(rows.iterator().next().getLong(0), UUID.fromString(alertId),
                                                person, at, body(alertId, person, cell, cellPath, category, at))))
                                .mapEmpty());
                    }
                    return all;
                })).toCompletionStage().toCompletableFuture().join();
        return alertId;
    }

    /** Ends the alert's chain as resolved (its events were resolved). */
    public static void resolve(Pool pool, String alertId, long at) {
        pool.preparedQuery("UPDATE alert SET state = 'resolved', next_step_at = NULL, ended_at = $2, "
                + "end_reason = 'resolved', updated_at = $2 WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(alertId), at)).toCompletionStage().toCompletableFuture().join();
    }
}
