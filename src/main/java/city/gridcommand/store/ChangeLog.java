package city.gridcommand.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/** Appends to the change log in the caller's transaction; the log's identity column gives the global seq. */
final class ChangeLog {

    private static final String LOG = """
            INSERT INTO event_change (event_id, cell, cell_path, type, at, body) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
            RETURNING seq""";

    private ChangeLog() {
    }

    static Future<EventChange> log(SqlConnection connection, EventChange change) {
        StoredEvent e = change.event();
        return connection.preparedQuery(LOG)
                .execute(Tuple.of(e.id(), e.cell(), e.cellPath().toArray(String[]::new), change.type(), change.at(),
                        e.body()))
                .map(rows -> new EventChange(change.type(), e, rows.iterator().next().getLong(0), change.at()));
    }
}
