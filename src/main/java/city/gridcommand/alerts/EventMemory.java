package city.gridcommand.alerts;

import city.gridcommand.signal.Severity;

/** What the alerts remember of an event from its last change: enough to tell a change that alerts from a join. */
public record EventMemory(String eventId, Severity severity, boolean overdue, int reworkCount, String state) {
}
