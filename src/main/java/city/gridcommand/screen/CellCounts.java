package city.gridcommand.screen;

import city.gridcommand.store.StoredEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The open events of a scope counted by child cell and severity: the child is the cell right under the
 * scope on the event's path (the event's own cell when the scope is its base cell). Fed with every event
 * as it is now; a closed one leaves the counts. The counts per child are kept as the events come, so
 * {@link #cells()}, asked every stats interval by every screen, costs the children with open events, not
 * the open events (a district screen of a large city has thousands). Not thread safe: its session guards it.
 */
final class CellCounts {

    private static final List<String> SEVERITIES = List.of("GREEN", "YELLOW", "RED");

    private record Counted(String child, int severity) {
    }

    private final String scope;
    private final Map<UUID, Counted> open = new HashMap<>();
    private final Map<String, int[]> byChild = new TreeMap<>();

    CellCounts(String scope) {
        this.scope = scope;
    }

    void put(StoredEvent event) {
        int severity = SEVERITIES.indexOf(event.severity());
        Counted now = event.open() && severity >= 0 ? new Counted(child(event), severity) : null;
        Counted before = now == null ? open.remove(event.id()) : open.put(event.id(), now);
        if (before != null) {
            int[] counts = byChild.get(before.child());
            if (--counts[before.severity()] == 0 && Arrays.stream(counts).allMatch(n -> n == 0)) {
                byChild.remove(before.child());
            }
        }
        if (now != null) {
            byChild.computeIfAbsent(now.child(), c -> new int[SEVERITIES.size()])[now.severity()]++;
        }
    }

    /** {@code [{"cell":child,"GREEN":n,"YELLOW":n,"RED":n}]} by child code, children with open events only. */
    JsonArray cells() {
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
