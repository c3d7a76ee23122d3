package city.gridcommand.store;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** An event (case) as stored: every column of the {@code event} table. Times are epoch ms. */
public record StoredEvent(UUID id, String cell, List<String> cellPath, String category, String severity,
        String state, String level, String department, String assignee, String origin, String reporterKind,
        String reporter, UUID reportId, JsonObject trigger, String description, int signals, List<String> sources,
        String step, Long deadline, boolean overdue, int reworkCount, int escalations, UUID mergedInto,
        String evaluation, long createdAt, Long registeredAt, Long dispatchedAt, Long closedAt, Boolean closedOnTime,
        long updatedAt, boolean open) {

    /** The contract's event body (docs/contract.md section 3), as live screens and {@code grid/v1/events/…} get it. */
    public JsonObject body() {
        return new JsonObject().put("id", id.toString()).put("cell", cell).put("cellPath", cellPath)
                .put("category", category).put("severity", severity).put("state", state).put("level", level)
                .put("department", department).put("assignee", assignee).put("origin", origin)
                .put("trigger", trigger).put("signals", signals).put("sources", sources).put("step", step)
                .put("deadline", deadline).put("overdue", overdue).put("reworkCount", reworkCount)
                .put("escalations", escalations).put("reporter", reporter).put("description", description)
                .put("evaluation", evaluation).put("closedAt", closedAt).put("closedOnTime", closedOnTime)
                .put("createdAt", createdAt).put("updatedAt", updatedAt);
    }
}
