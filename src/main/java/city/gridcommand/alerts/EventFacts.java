package city.gridcommand.alerts;

import city.gridcommand.signal.Severity;
import java.util.List;
import java.util.Map;

/**
 * What the alerts need of an event as one change left it (the contract's event body): where, what, how
 * severe, where it stands, and what raised it ({@code trigger} as on the wire).
 */
public record EventFacts(String id, String cell, List<String> cellPath, String category, Severity severity,
        String state, boolean overdue, int reworkCount, String department, Map<String, Object> trigger,
        Long deadline) {

    public EventFacts {
        cellPath = cellPath == null ? List.of() : List.copyOf(cellPath);
    }

    /** What the alerts remember of it. */
    public EventMemory memory() {
        return new EventMemory(id, severity, overdue, reworkCount, state);
    }
}
