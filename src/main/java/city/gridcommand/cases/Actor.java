package city.gridcommand.cases;

import java.util.Objects;

/**
 * Who asks for a transition: their id (a worker id, a staff account, {@code system}), their role and
 * their unit — the department code for department staff, the cell code for a cell leader or grid
 * worker — or null when the caller does not know it (then the unit is not checked).
 */
public record Actor(String id, Role role, String unit) {

    /** The service itself: rules, timers. */
    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, null);

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public static Actor of(String id, Role role) {
        return new Actor(id, role, null);
    }
}
