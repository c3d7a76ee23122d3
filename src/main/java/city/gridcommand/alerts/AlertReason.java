package city.gridcommand.alerts;

import city.gridcommand.signal.WireNames;

/**
 * Why an event change alerts ({@code raised}: raised at or above the threshold; {@code severity}: its
 * severity went up; {@code overdue}: its step's deadline passed; {@code reopened}: sent back for rework),
 * or ends the event's alerts ({@code resolved}: the case is closed or in a final state).
 */
public enum AlertReason {
    RAISED, SEVERITY, OVERDUE, REOPENED, RESOLVED;

    public String wireName() {
        return WireNames.of(this);
    }

    public static AlertReason fromWire(String name) {
        return WireNames.parse(AlertReason.class, name);
    }
}
