package city.gridcommand.alerts;

import city.gridcommand.signal.WireNames;

/**
 * Whom a step of a policy notifies: the grid workers assigned to the event's base cell ({@code cell_workers}),
 * the person on call ({@code oncall}: for a department, or a centre's duty roster at a level of the event's
 * path), the nearest community leader ({@code leader}), or one named person ({@code person}).
 */
public enum NotifyTarget {
    CELL_WORKERS, ONCALL, LEADER, PERSON;

    public String wireName() {
        return WireNames.of(this);
    }

    public static NotifyTarget fromWire(String name) {
        return WireNames.parse(NotifyTarget.class, name);
    }
}
