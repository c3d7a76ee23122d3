package city.gridcommand.store;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A change to a case decided by the case domain: the case as it is after the change, and the history
 * entry that explains it (action, who, in which role, note, attachments, anything else in
 * {@code detail}).
 */
public record CaseUpdate(StoredEvent after, String action, String actor, String role, String note,
        List<String> attachments, JsonObject detail) {
}
