package city.gridcommand.cases;

import city.gridcommand.access.CellScope;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A refused transition and why: the REST layer answers 403 naming {@link #cell()} (outside the caller's
 * cells: nothing else said, so the case's state does not leak), 409 with {@link #allowedActions()}, 403
 * with {@link #allowedRoles()} or 400 naming {@link #field()}, and records nothing.
 *
 * @param kind           why, with its HTTP status
 * @param reason         a sentence for people
 * @param field          the request field at fault ({@link Kind#INVALID}; {@link Kind#OUTSIDE_SCOPE} when the
 *                       cell came from a field, e.g. {@code to})
 * @param allowedActions the actions allowed in the case's current state ({@link Kind#NOT_ALLOWED_IN_STATE})
 * @param allowedRoles   the roles that may take the action ({@link Kind#FORBIDDEN_FOR_ROLE})
 * @param cell           the cell outside the caller's cells ({@link Kind#OUTSIDE_SCOPE})
 */
public record Refusal(Kind kind, String reason, String field, Set<CaseAction> allowedActions,
        Set<Role> allowedRoles, String cell) implements TransitionResult {

    /** Why a transition is refused; wire name lower case. */
    public enum Kind {
        OUTSIDE_SCOPE(403), NOT_ALLOWED_IN_STATE(409), FORBIDDEN_FOR_ROLE(403), INVALID(400);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int httpStatus() {
            return status;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Refusal {
        allowedActions = ordered(allowedActions, CaseAction.class);
        allowedRoles = ordered(allowedRoles, Role.class);
    }

    /** An unmodifiable copy in declaration order, so answers list actions and roles the same way each time. */
    private static <E extends Enum<E>> Set<E> ordered(Set<E> set, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (set != null) {
            copy.addAll(set);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** The answer for an action name that is not one of {@link CaseAction}'s wire names. */
    public static Refusal unknownAction(String wire) {
        StringBuilder known = new StringBuilder();
        for (CaseAction action : CaseAction.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(action.wireName());
        }
        return invalid("action", "unknown action '" + wire + "'; known: " + known);
    }

    static Refusal notAllowed(CaseSnapshot current, CaseAction action) {
        Set<CaseAction> allowed = CaseAction.allowedActions(current.state());
        String reason = "'" + action.wireName() + "' is not allowed on a " + current.state().wireName() + " case"
                + (current.state().isFinal() ? " (final)" : "");
        return new Refusal(Kind.NOT_ALLOWED_IN_STATE, reason, null, allowed, null, null);
    }

    static Refusal forbidden(String reason, Set<Role> roles) {
        return new Refusal(Kind.FORBIDDEN_FOR_ROLE, reason, null, null, roles, null);
    }

    /** 400: the request field at fault. */
    public static Refusal invalid(String field, String reason) {
        return new Refusal(Kind.INVALID, reason, field, null, null, null);
    }

    /**
     * 403: the cell (the case's own, or one a field names) is outside the actor's cells.
     *
     * @param field the request field that named the cell, or null for the case's own cell
     */
    public static Refusal outsideScope(String field, String cell, CellScope cells) {
        return new Refusal(Kind.OUTSIDE_SCOPE, "cell " + cell + " is outside the cells of your token (" + cells + ")",
                field, null, null, cell);
    }
}
