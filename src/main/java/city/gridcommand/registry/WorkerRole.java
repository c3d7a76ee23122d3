package city.gridcommand.registry;

import java.util.Locale;

/** Roles of the people in the field: grid worker (网格员), cell leader (网格长), supervisor (监督员). */
public enum WorkerRole {
    WORKER, LEADER, SUPERVISOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WorkerRole fromWire(String name) {
        for (WorkerRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
