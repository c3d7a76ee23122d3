package city.gridcommand.rules;

import city.gridcommand.geo.CellLocation;
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

    /** A trigger of {@code rule} in the base cell of {@code at}, which must be {@linkplain #placed placed}. */
    static EventTrigger of(Rule rule, CellLocation at, TriggerSource source, long now) {
        return new EventTrigger(rule.id(), rule.category(), rule.severity(), rule.department(), at.baseCell(),
                at.path(), source, now);
    }

    /** Whether a location names a base cell: triggers are only raised where there is one. */
    static boolean placed(CellLocation location) {
        return location != null && !location.outside();
    }
}
