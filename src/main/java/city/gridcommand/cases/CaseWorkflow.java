package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The case workflow as a pure function: a case and a request in, an accepted {@link Transition} or a
 * {@link Refusal} out, nothing stored, the clock passed in.
 *
 * <p>A request is checked in this order, and the first failure answers:
 * <ol>
 * <li>the action must be allowed in the case's state ({@link CaseAction}), else
 *     {@code NOT_ALLOWED_IN_STATE} (409) with the actions that are;</li>
 * <li>the actor's role must be one that may take it ({@link Permissions}), and where the actor's unit
 *     or id is known it must be theirs to act on, else {@code FORBIDDEN_FOR_ROLE} (403) with the roles
 *     that may;</li>
 * <li>the fields must fit the action ({@link RequestCheck}), else {@code INVALID} (400) naming the field:
 *     dispatch, reassign and merge need {@code to}; refuse, rework and send back need a reason and
 *     feedback the result, in {@code note}; evaluate needs {@code score}; {@code severity} is taken only
 *     by register and escalate.</li>
 * </ol>
 *
 * <p>What an accepted transition does: register starts the dispatch step (and may set the severity,
 * re-routing the level); dispatch, reassign and rework start the handle step with the new handler
 * (rework counted); accept keeps the handle step's deadline, since accept and feedback share one
 * clock; feedback starts the verify step; close stops the clock; send back returns the case to the
 * dispatcher (dispatch step, no handler); refuse, merge and evaluate end it. A transition taken on or
 * after the running step's deadline marks the case overdue.
 */
public final class CaseWorkflow {

    private final CategoryCatalogue catalogue;
    private final Deadlines deadlines;
    private final Permissions permissions;
    private final RequestCheck check;
    private final Routing routing;
    private final Escalation escalation;

    public CaseWorkflow(CategoryCatalogue catalogue, Deadlines deadlines, WorkflowPolicy policy) {
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.permissions = new Permissions(policy);
        this.check = new RequestCheck(policy);
        this.routing = new Routing(catalogue);
        this.escalation = new Escalation(catalogue, deadlines);
    }

    /**
     * A new case (信息收集) in its base cell (the path's last cell): routed to its level, the register
     * step's deadline running.
     *
     * @throws IllegalArgumentException for an unknown category or an empty cell path
     */
    public CaseSnapshot open(String id, String category, Severity severity, List<String> cellPath, Reporter reporter,
            long now) {
        if (catalogue.find(category).isEmpty()) {
            throw new IllegalArgumentException("unknown category: " + category);
        }
        Route route = routing.route(category, severity, cellPath);
        long deadline = deadlines.deadlineFor(category, severity, DeadlineStep.REGISTER, now);
        return CaseSnapshot.reported(id, category, severity, route.level(), cellPath.get(cellPath.size() - 1),
                cellPath, reporter, now, deadline);
    }

    /** The transition the request makes, or why it is refused; see the class Javadoc for the rules. */
    public TransitionResult apply(CaseSnapshot current, TransitionRequest request, long now) {
        CaseAction action = request.action();
        if (!action.allowedIn(current.state())) {
            return Refusal.notAllowed(current, action);
        }
        Set<Role> roles = permissions.roles(action, current);
        if (!roles.contains(request.actor().role())) {
            return Refusal.forbidden("a " + request.actor().role().wireName() + " may not "
                    + action.wireName() + " this case", roles);
        }
        String identity = permissions.identityProblem(current, request);
        if (identity != null) {
            return Refusal.forbidden(identity, roles);
        }
        Refusal invalid = check.check(current, request);
        return invalid != null ? invalid : accept(current, request, now);
    }

    /** The actions this actor may take on the case now, e.g. for the buttons a screen shows. */
    public Set<CaseAction> allowedActions(CaseSnapshot current, Actor actor) {
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.allowedActions(current.state())) {
            if (permissions.roles(action, current).contains(actor.role())
                    && permissions.identityProblem(current, TransitionRequest.of(action, actor, null)) == null) {
                actions.add(action);
            }
        }
        return actions;
    }

    public Routing routing() {
        return routing;
    }

    public Escalation escalation() {
        return escalation;
    }

    /** Whether the case is late at {@code now}: it was already, or its running step's deadline is reached. */
    static boolean lateAt(CaseSnapshot current, long now) {
        return current.overdue() || (current.deadline() != null && now >= current.deadline());
    }

    private Transition accept(CaseSnapshot c, TransitionRequest r, long now) {
        if (r.action() == CaseAction.ESCALATE) {
            return escalation.escalate(c, r.actor(), r.note(), r.attachments(), r.severity(), now);
        }
        CaseDraft d = new CaseDraft(c);
        change(d, c, r, now);
        d.overdue = lateAt(c, now);
        d.deadline = r.action() == CaseAction.ACCEPT ? c.deadline()
                : deadlines.deadlineIn(d.state, c.category(), d.severity, now);
        return new Transition(r.action(), c.state(), r.actor(), r.note(), r.attachments(), now, d.build());
    }

    /** What each action (but escalate) changes besides the overdue flag and the deadline. */
    private void change(CaseDraft d, CaseSnapshot c, TransitionRequest r, long now) {
        switch (r.action()) {
            case REGISTER -> register(d, c, r.severity(), now);
            case REFUSE -> d.state = CaseState.REFUSED;
            case MERGE -> {
                d.state = CaseState.MERGED;
                d.mergedInto = r.to();
            }
            case DISPATCH, REASSIGN -> {
                d.state = CaseState.DISPATCHED;
                d.assignee = Assignee.parse(r.to());
            }
            case ACCEPT -> d.state = CaseState.HANDLING;
            case FEEDBACK -> d.state = CaseState.FEEDBACK;
            case CLOSE -> {
                d.state = CaseState.CLOSED;
                d.closedAt = now;
            }
            case REWORK -> {
                d.state = CaseState.DISPATCHED;
                d.reworkCount = c.reworkCount() + 1;
            }
            case EVALUATE -> {
                d.state = CaseState.EVALUATED;
                d.evaluation = Evaluation.parse(r.score());
            }
            case SEND_BACK -> {
                d.state = CaseState.REGISTERED;
                d.assignee = null;
            }
            default -> throw new IllegalStateException("unhandled action " + r.action());
        }
    }

    /**
     * 立案, possibly at a severity the dispatcher sets: the level follows the new severity's route, but
     * never drops below a level the case was escalated to.
     */
    private void register(CaseDraft d, CaseSnapshot c, Severity severity, long now) {
        d.state = CaseState.REGISTERED;
        d.registeredAt = now;
        if (severity != null && severity != c.severity()) {
            d.severity = severity;
            CaseLevel routed = catalogue.resolve(c.category()).levelFor(severity);
            d.level = c.escalations() == 0 ? routed : c.level().atLeast(routed);
        }
    }
}
