package city.gridcommand.store;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.List;

/** The columns of an event row and how one is read, shared by every query that returns events. */
final class EventRows {

    static final String COLUMNS = "id, cell, cell_path, category, severity, state, level, department, assignee, "
            + "origin, reporter_kind, reporter, report_id, trigger, description, signals, sources, step, deadline, "
            + "overdue, rework_count, escalations, merged_into, evaluation, created_at, registered_at, dispatched_at, "
            + "closed_at, closed_on_time, updated_at, open";

    private EventRows() {
    }

    static StoredEvent event(Row r) {
        Object trigger = r.getValue("trigger");
        return new StoredEvent(r.getUUID("id"), r.getString("cell"), List.of(r.getArrayOfStrings("cell_path")),
                r.getString("category"), r.getString("severity"), r.getString("state"), r.getString("level"),
                r.getString("department"), r.getString("assignee"), r.getString("origin"), r.getString("reporter_kind"),
                r.getString("reporter"),
                r.getUUID("report_id"), trigger instanceof JsonObject json ? json : new JsonObject(String.valueOf(trigger)),
                r.getString("description"), r.getInteger("signals"), List.of(r.getArrayOfStrings("sources")),
                r.getString("step"), r.getLong("deadline"), r.getBoolean("overdue"), r.getInteger("rework_count"),
                r.getInteger("escalations"),
                r.getUUID("merged_into"), r.getString("evaluation"), r.getLong("created_at"), r.getLong("registered_at"),
                r.getLong("dispatched_at"), r.getLong("closed_at"), r.getBoolean("closed_on_time"),
                r.getLong("updated_at"), r.getBoolean("open"));
    }
}
