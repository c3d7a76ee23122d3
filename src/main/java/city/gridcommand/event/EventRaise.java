package city.gridcommand.event;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to write to raise an event in a base cell, or to join the open event of its (cell, category):
 * the case's first state as the workflow opens it ({@code severity}, {@code level}, {@code department},
 * {@code step} and its {@code deadline}), who reported it and what triggered it. {@code source} is
 * "kind:id", counted once per event; {@code collectedBy} is the actor of a new event's first history
 * entry (collect).
 */
public record EventRaise(String cell, List<String> cellPath, String category, String severity, String level,
        String department, String origin, String reporterKind, String reporter, UUID reportId,
        Map<String, Object> trigger, String description, String source, String step, Long deadline, String collectedBy) {

    public EventRaise {
        cellPath = List.copyOf(cellPath);
    }
}
