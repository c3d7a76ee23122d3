package city.gridcommand.event;

import city.gridcommand.signal.Severity;
import java.util.List;

/**
 * A rule's verdict that a cell has (still) a kind of event: the persistence layer merges it into the
 * open event of ({@code cell}, {@code category}). {@code cell} is the base cell, {@code cellPath} the base
 * hierarchy root first; {@code ts} is when the engine raised it (epoch ms).
 */
public record EventTrigger(String ruleId, String category, Severity severity, String department, String cell,
        List<String> cellPath, TriggerSource source, long ts) {

    public EventTrigger {
        cellPath = List.copyOf(cellPath);
    }
}
