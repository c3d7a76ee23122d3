package city.gridcommand.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Appends to a case's history (append-only: who, when, from, to, note, attachments) in the caller's transaction. */
final class CaseHistory {

    private static final String APPEND = """
            INSERT INTO event_history (event_id, at, action, actor, role, from_state, to_state, note, attachments, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)""";

    private CaseHistory() {
    }

    static Future<Void> append(SqlConnection connection, StoredEvent event, long at, String action, String actor,
            String role, String from, String to, String note, List<String> attachments, JsonObject detail) {
        return connection.preparedQuery(APPEND).execute(Tuple.from(new Object[] {event.id(), at, action, actor, role,
                from, to, note, attachments.toArray(String[]::new), detail.encode()})).mapEmpty();
    }
}
