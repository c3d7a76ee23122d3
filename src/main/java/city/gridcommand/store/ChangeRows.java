package city.gridcommand.store;

import city.gridcommand.cases.CaseState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.UUID;

/**
 * A change-log row read back: the event as its change carried it (the contract's event body, stored with
 * the change), so {@link EventChange#message()} is the message it was when it was made. What the body
 * does not carry (reporter kind, report id, registered, dispatched, merged into) is null; whether the
 * event was open follows from its state.
 */
final class ChangeRows {

    static final String COLUMNS = "seq, type, at, body, event_id, cell";

    private ChangeRows() {
    }

    static EventChange change(Row r) {
        Object stored = r.getValue("body");
        // rows logged before bodies were bound as JSON objects hold the object as a JSON string
        JsonObject b = stored instanceof JsonObject json ? json : new JsonObject(String.valueOf(stored));
        return new EventChange(r.getString("type"), event(b, r), r.getLong("seq"), r.getLong("at"));
    }

    /**
     * The event of the body; what it lacks that the row's own columns hold (the event's id, its cell) is taken
     * from them, so a body written by hand or by an older version still reads (its other fields null).
     */
    private static StoredEvent event(JsonObject b, Row r) {
        String state = b.getString("state");
        CaseState known = state == null ? null : CaseState.fromWire(state);
        String id = b.getString("id");
        String cell = b.getString("cell");
        return new StoredEvent(id != null ? UUID.fromString(id) : r.getUUID("event_id"),
                cell != null ? cell : r.getString("cell"), strings(b.getJsonArray("cellPath")),
                b.getString("category"), b.getString("severity"), state, b.getString("level"), b.getString("department"),
                b.getString("assignee"), b.getString("origin"), null, b.getString("reporter"), null,
                b.getJsonObject("trigger"), b.getString("description"), b.getInteger("signals", 0),
                strings(b.getJsonArray("sources")), b.getString("step"), b.getLong("deadline"),
                b.getBoolean("overdue", false), b.getInteger("reworkCount", 0), b.getInteger("escalations", 0), null,
                b.getString("evaluation"), b.getLong("createdAt", 0L), null, null, b.getLong("closedAt"),
                b.getBoolean("closedOnTime"), b.getLong("updatedAt", 0L), known != null && known.isOpen());
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }
}
