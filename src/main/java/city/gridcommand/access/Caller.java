package city.gridcommand.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as their verified token says: the subject (the person's or account's id, e.g. a grid
 * worker's id), the roles, the cells they may see and their unit (a department code for a handler, a cell
 * code for a leader, null when the token names none). Nothing of it comes from a request body.
 */
public record Caller(String subject, Set<StaffRole> roles, CellScope scope, String unit) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Objects.requireNonNull(scope, "scope");
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** Whether the caller has any of the roles. */
    public boolean hasAny(StaffRole... any) {
        for (StaffRole role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
