package city.gridcommand.alerts;

import city.gridcommand.signal.WireNames;

/**
 * Where an alert's chain stands: {@code open} (running), {@code acked} (someone answered),
 * {@code resolved} (its events were resolved, or a later alert of the event took over), {@code exhausted}
 * (every step of every round passed with no ack).
 */
public enum AlertState {
    OPEN, ACKED, RESOLVED, EXHAUSTED;

    public String wireName() {
        return WireNames.of(this);
    }

    public static AlertState fromWire(String name) {
        return WireNames.parse(AlertState.class, name);
    }
}
