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

    static final String COLUMNS = "seq, type, at, body";

    private ChangeRows() {
    }

    static EventChange change(Row r) {
        Object stored = r.getValue("body");
        // rows logged before bodies were bound as JSON objects hold the object as a JSON string
        JsonObject b = stored instanceof JsonObject json ? json : new JsonObject(String.valueOf(stored));
        return new EventChange(r.getString("type"), event(b), r.getLong("seq"), r.getLong("at"));
    }

    private static StoredEvent event(JsonObject b) {
        String state = b.getString("state");
        CaseState known = CaseState.fromWire(state);
        return new StoredEvent(UUID.fromString(b.getString("id")), b.getString("cell"), strings(b.getJsonArray("cellPath")),
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
