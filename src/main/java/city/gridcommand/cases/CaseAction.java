package city.gridcommand.cases;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What someone may do to a case, each with the states it may be done in; the wire name is the
 * lower-case constant name ({@code "action":"dispatch"}, {@code "send_back"}). Who may do it is
 * {@link Permissions}' business, what it changes is {@link CaseWorkflow}'s.
 */
public enum CaseAction {
    /** 立案: the case is accepted as a matter for the city. */
    REGISTER(CaseState.REPORTED),
    /** 不予立案: not a matter for the city (no problem found, not in scope); needs a reason. */
    REFUSE(CaseState.REPORTED),
    /**
     * 自动消除: the condition that raised a machine's case cleared before anyone registered it (the reading
     * back past the rule's clear level, the camera no longer seeing it, the device heard again); the
     * service's alone, with the reason in {@code note}. Final.
     */
    CLEAR(CaseState.REPORTED),
    /** A duplicate joins the case named in {@code to}; final for the duplicate. */
    MERGE(CaseState.REPORTED, CaseState.REGISTERED),
    /** 派遣: to a department or a cell's leader, named in {@code to}. */
    DISPATCH(CaseState.REGISTERED),
    /** The handler takes the case (签收). */
    ACCEPT(CaseState.DISPATCHED),
    /** 反馈: the handler's result in {@code note}, photos in {@code attachments}. */
    FEEDBACK(CaseState.HANDLING),
    /** 核查结案: verification passed. */
    CLOSE(CaseState.FEEDBACK),
    /** 返工: verification failed; back to the handler, counted. */
    REWORK(CaseState.FEEDBACK),
    /** 评价: a score 1–5 or good/fair/poor. */
    EVALUATE(CaseState.CLOSED),
    /** 升级: severity and responsible level one step up, a new deadline for the current step. */
    ESCALATE(CaseState.REPORTED, CaseState.REGISTERED, CaseState.DISPATCHED, CaseState.HANDLING, CaseState.FEEDBACK),
    /** 改派: to another handler, named in {@code to}. */
    REASSIGN(CaseState.DISPATCHED, CaseState.HANDLING),
    /** 退回: the handler says the case is not theirs; back to the dispatcher, needs a reason. */
    SEND_BACK(CaseState.DISPATCHED, CaseState.HANDLING);

    private final Set<CaseState> from;
    private final String wireName;

    CaseAction(CaseState first, CaseState... rest) {
        this.from = Set.copyOf(EnumSet.of(first, rest));
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** Whether the action may be taken in this state (by someone). */
    public boolean allowedIn(CaseState state) {
        return from.contains(state);
    }

    /** Every action that may be taken in this state (by someone); empty for a final state. */
    public static Set<CaseAction> allowedActions(CaseState state) {
        EnumSet<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : values()) {
            if (action.allowedIn(state)) {
                actions.add(action);
            }
        }
        return Collections.unmodifiableSet(actions);
    }

    public String wireName() {
        return wireName;
    }

    /** The action for a wire name, or null if there is none. */
    public static CaseAction fromWire(String name) {
        for (CaseAction action : values()) {
            if (action.wireName.equals(name)) {
                return action;
            }
        }
        return null;
    }
}
