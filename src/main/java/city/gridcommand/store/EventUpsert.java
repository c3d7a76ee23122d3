package city.gridcommand.store;

import city.gridcommand.event.EventRaise;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Raises an event, or joins the open event of the same (cell, category): one INSERT ... ON CONFLICT on
 * the partial unique index of open events, so concurrent writers and instances agree on exactly one.
 * A join counts the signal, adds its source if new and raises the severity to the higher one. A raise
 * gets its first history entry (collect). Every raise or join is a change the caller logs with
 * {@link ChangeLog#append} as the last statement of its transaction.
 */
public final class EventUpsert {

    private static final String RAISE_OR_JOIN = """
            INSERT INTO event (id, cell, cell_path, category, severity, state, level, department, origin, reporter_kind,
                               reporter, report_id, trigger, description, signals, sources, step, deadline, created_at,
                               updated_at)
            VALUES ($1, $2, $3, $4, $5, 'REPORTED', $16, $6, $7, $17, $8, $9, $10::jsonb, $11, 1, ARRAY[$12::text], $13,
                    $14, $15, $15)
            ON CONFLICT (cell, category) WHERE open DO UPDATE SET
                signals = event.signals + 1,
                sources = CASE WHEN $12::text = ANY (event.sources) THEN event.sources
                               ELSE event.sources || $12::text END,
                severity = CASE WHEN array_position(ARRAY['GREEN','YELLOW','RED'], EXCLUDED.severity)
                                     > array_position(ARRAY['GREEN','YELLOW','RED'], event.severity)
                                THEN EXCLUDED.severity ELSE event.severity END,
                updated_at = EXCLUDED.updated_at
            RETURNING (xmax = 0) AS raised, """ + EventRows.COLUMNS;

    private EventUpsert() {
    }

    /**
     * Each raise in turn, in the order given (the order in which the events' rows are locked); completes
     * with their changes, not yet logged.
     */
    static Future<List<EventChange>> applyAll(SqlConnection connection, List<EventRaise> raises, long now) {
        List<EventChange> changes = new ArrayList<>(raises.size());
        Future<Void> chain = Future.succeededFuture();
        for (EventRaise raise : raises) {
            chain = chain.compose(v -> apply(connection, raise, now)).map(change -> {
                changes.add(change);
                return null;
            });
        }
        return chain.map(v -> changes);
    }

    /** Raises or joins and records a raise in the history as collected by {@code actor}; the change is not logged yet. */
    static Future<EventChange> apply(SqlConnection connection, EventRaise r, long now) {
        Tuple params = Tuple.from(new Object[] {UUID.randomUUID(), r.cell(), r.cellPath().toArray(String[]::new),
                r.category(), r.severity(), r.department(), r.origin(), r.reporter(), r.reportId(), new JsonObject(r.trigger()),
                r.description(), r.source(), r.step(), r.deadline(), now, r.level(), r.reporterKind()});
        return connection.preparedQuery(RAISE_OR_JOIN).execute(params)
                .compose(rows -> {
                    Row row = rows.iterator().next();
                    StoredEvent event = EventRows.event(row);
                    if (!row.getBoolean("raised")) {
                        return Future.succeededFuture(new EventChange(EventChange.UPDATED, event, 0, now));
                    }
                    JsonObject detail = new JsonObject().put("trigger", new JsonObject(r.trigger())).put("origin", r.origin());
                    return CaseHistory.append(connection, event, now, "collect", r.collectedBy(), "system", null, event.state(),
                                    r.description(), List.of(), detail)
                            .map(v -> new EventChange(EventChange.RAISED, event, 0, now));
                });
    }
}
