package city.gridcommand.screen;

import city.gridcommand.store.StoredEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The open events of a scope counted by child cell and severity: the child is the cell right under the
 * scope on the event's path (the event's own cell when the scope is its base cell). Fed with every event
 * as it is now; a closed one leaves the counts. Not thread safe: its session guards it.
 */
final class CellCounts {

    private static final List<String> SEVERITIES = List.of("GREEN", "YELLOW", "RED");

    private record Counted(String child, String severity) {
    }

    private final String scope;
    private final Map<UUID, Counted> open = new HashMap<>();

    CellCounts(String scope) {
        this.scope = scope;
    }

    void put(StoredEvent event) {
        if (event.open()) {
            open.put(event.id(), new Counted(child(event), event.severity()));
        } else {
            open.remove(event.id());
        }
    }

    /** {@code [{"cell":child,"GREEN":n,"YELLOW":n,"RED":n}]} by child code, children with open events only. */
    JsonArray cells() {
        Map<String, int[]> byChild = new TreeMap<>();
        for (Counted counted : open.values()) {
            int severity = SEVERITIES.indexOf(counted.severity());
            if (severity >= 0) {
                byChild.computeIfAbsent(counted.child(), c -> new int[SEVERITIES.size()])[severity]++;
            }
        }
        JsonArray cells = new JsonArray();
        byChild.forEach((child, counts) -> {
            JsonObject cell = new JsonObject().put("cell", child);
            for (int i = 0; i < SEVERITIES.size(); i++) {
                cell.put(SEVERITIES.get(i), counts[i]);
            }
            cells.add(cell);
        });
        return cells;
    }

    private String child(StoredEvent event) {
        List<String> path = event.cellPath();
        int at = path.indexOf(scope);
        if (at >= 0 && at + 1 < path.size()) {
            return path.get(at + 1);
        }
        return event.cell();
    }
}
