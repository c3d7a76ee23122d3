package city.gridcommand.cases;

import java.util.Locale;

/**
 * The part a person or program plays in the case workflow: dispatcher (调度员, the command centre),
 * grid worker (网格员), cell leader (网格长), supervisor (监督员), department staff handling a case,
 * the service itself (rules, timers) and the citizens' hotline (12345). Wire name: lower case.
 */
public enum Role {
    DISPATCHER, WORKER, LEADER, SUPERVISOR, DEPARTMENT, SYSTEM, HOTLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a wire name, or null if there is none. */
    public static Role fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
