package city.gridcommand.registry;

import city.gridcommand.signal.WireNames;

/** Roles of the people in the field: grid worker (网格员), cell leader (网格长), supervisor (监督员). */
public enum WorkerRole {
    WORKER, LEADER, SUPERVISOR;

    public String wireName() {
        return WireNames.of(this);
    }

    public static WorkerRole fromWire(String name) {
        return WireNames.parse(WorkerRole.class, name);
    }
}
