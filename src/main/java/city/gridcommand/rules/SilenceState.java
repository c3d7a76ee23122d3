package city.gridcommand.rules;

import city.gridcommand.event.SourceKind;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.DeviceStatus;

/**
 * Per (rule, sender) of a silence or no-position rule: the sender's kind, when the service last heard
 * from it ({@code lastSeen}, service clock), the source of that message, the last cell it was placed in
 * (null until one is known), whether the current silence episode has been raised, and the last status
 * taken from it (null until one), so that the same status again is known for a repeat.
 */
public record SilenceState(SourceKind kind, long lastSeen, TriggerSource last, CellLocation at, boolean raised,
        DeviceStatus lastStatus) {

    SilenceState raise() {
        return new SilenceState(kind, lastSeen, last, at, true, lastStatus);
    }
}
