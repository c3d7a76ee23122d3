package city.gridcommand.cases;

import city.gridcommand.access.StaffRole;
import java.util.Locale;

/**
 * The part a person or program plays in the case workflow: dispatcher (调度员, the command centre),
 * grid worker (网格员), cell leader (网格长), supervisor (监督员), department staff handling a case,
 * the service itself (rules, timers) and the citizens' hotline (12345). Wire name: lower case, as the
 * history records it.
 *
 * <p>A signed-in caller plays the part their token's role stands for ({@link #of(StaffRole)}):
 * {@code dispatcher} → DISPATCHER, {@code supervisor} → SUPERVISOR, {@code handler} → DEPARTMENT,
 * {@code leader} → LEADER, {@code worker} → WORKER, {@code service} → HOTLINE; {@code admin} and
 * {@code screen} play none. SYSTEM is the service's own and no token's.
 */
public enum Role {
    DISPATCHER(StaffRole.DISPATCHER),
    WORKER(StaffRole.WORKER),
    LEADER(StaffRole.LEADER),
    SUPERVISOR(StaffRole.SUPERVISOR),
    DEPARTMENT(StaffRole.HANDLER),
    SYSTEM(null),
    HOTLINE(StaffRole.SERVICE);

    private final StaffRole staffRole;

    Role(StaffRole staffRole) {
        this.staffRole = staffRole;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The token role that plays this part; null for {@link #SYSTEM}, which no token has. */
    public StaffRole staffRole() {
        return staffRole;
    }

    /** The name a caller knows the part by: their token role's wire name ({@code system} for the service). */
    public String callerName() {
        return staffRole == null ? wireName() : staffRole.wireName();
    }

    /** The part a token role plays in the workflow; null for a role that takes no case step (admin, screen). */
    public static Role of(StaffRole staffRole) {
        for (Role role : values()) {
            if (role.staffRole != null && role.staffRole == staffRole) {
                return role;
            }
        }
        return null;
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
