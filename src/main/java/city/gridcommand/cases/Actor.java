package city.gridcommand.cases;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who asks for a transition, as their verified token says (never a request body): their id (the token's
 * subject: a worker id, a staff account; {@code system} for the service), the parts they may play in the
 * workflow, in order, their unit and the cells they may see.
 *
 * <p>A caller with several roles acts in the first of them that the workflow allows for the action on the
 * case ({@link CaseWorkflow#apply}); the {@link Transition}'s actor is then {@linkplain #actingAs this actor
 * in that one role}, and {@link #role()} is the role the history records.
 *
 * @param id    who
 * @param roles the parts they may play, first preferred: for a caller, in the order of {@link StaffRole}
 * @param unit  the department code of department staff ({@code dept-…}), the cell code of a cell leader
 *              (a cell and everything under it); null when the token names none. Always checked: department
 *              staff without one act on no case
 * @param cells the cells they may see and act on; a case outside them is refused before anything else
 */
public record Actor(String id, List<Role> roles, String unit, CellScope cells) {

    /** The service itself: rules, timers. */
    public static final Actor SYSTEM = new Actor("system", List.of(Role.SYSTEM), null, CellScope.EVERYWHERE);

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cells, "cells");
        roles = List.copyOf(roles.stream().distinct().toList());
    }

    /** One role, one unit (or null), these cells. */
    public static Actor of(String id, Role role, String unit, CellScope cells) {
        return new Actor(id, List.of(role), unit, cells);
    }

    /** One role, no unit, every cell: the service's own parts, or a test's. */
    public static Actor of(String id, Role role) {
        return of(id, role, null, CellScope.EVERYWHERE);
    }

    /**
     * The actor a signed-in caller is: the token's subject, the workflow roles of their token roles in
     * {@link StaffRole}'s order (admin and screen play none, so a caller with only those takes no step),
     * their unit and their cells.
     */
    public static Actor of(Caller caller) {
        List<Role> roles = new ArrayList<>();
        for (StaffRole staffRole : StaffRole.values()) {
            Role role = caller.has(staffRole) ? Role.of(staffRole) : null;
            if (role != null) {
                roles.add(role);
            }
        }
        return new Actor(caller.subject(), roles, caller.unit(), caller.scope());
    }

    /** The first of the roles (for an actor of a {@link Transition}, the one it acted in); null when none. */
    public Role role() {
        return roles.isEmpty() ? null : roles.get(0);
    }

    /** This actor playing only {@code role}. */
    public Actor actingAs(Role role) {
        return roles.equals(List.of(role)) ? this : new Actor(id, List.of(role), unit, cells);
    }

    /**
     * Whether the cell is theirs to act on as a cell's leader or grid worker: under their unit when the token
     * names one, else in their cells.
     */
    boolean answersFor(String cell) {
        return unit != null ? cell.startsWith(unit) : cells.covers(cell);
    }

    /** The roles as the caller knows them (their token roles), for a sentence. */
    String callerRoles() {
        return roles.isEmpty() ? "none that takes a case step"
                : String.join(", ", roles.stream().map(Role::callerName).toList());
    }
}
