package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The case workflow as a pure function: a case and a request in, an accepted {@link Transition} or a
 * {@link Refusal} out, nothing stored, the clock passed in.
 *
 * <p>A request is checked in this order, and the first failure answers:
 * <ol>
 * <li>the case's cell must be in the actor's cells, else {@code OUTSIDE_SCOPE} (403) naming the cell and
 *     nothing else, so a case outside them does not show its state;</li>
 * <li>the action must be allowed in the case's state ({@link CaseAction}), else
 *     {@code NOT_ALLOWED_IN_STATE} (409) with the actions that are;</li>
 * <li>one of the actor's roles must be one that may take it ({@link Permissions}), and the case must be
 *     theirs to act on in that role (their unit, their cell, their own report or task), else
 *     {@code FORBIDDEN_FOR_ROLE} (403) with the roles that may; an actor with several roles acts in the
 *     first of them that passes both;</li>
 * <li>the fields must fit the action ({@link RequestCheck}), else {@code INVALID} (400) naming the field:
 *     dispatch, reassign and merge need {@code to}; refuse, rework and send back need a reason and
 *     feedback the result, in {@code note}; evaluate needs {@code score}; {@code severity} is taken only
 *     by register and escalate;</li>
 * <li>a dispatch or reassignment to {@code leader:{cell}} must name a cell in the actor's cells, else
 *     {@code OUTSIDE_SCOPE} (403) naming that cell and the field {@code to}. (The cell of a case to merge
 *     into is the runtime's to check: the workflow sees one case.)</li>
 * </ol>
 *
 * <p>What an accepted transition does: register starts the dispatch step (and may set the severity,
 * re-routing the level); dispatch, reassign and rework start the handle step with the new handler
 * (rework counted); accept keeps the handle step's deadline, since accept and feedback share one
 * clock; feedback starts the verify step; close stops the clock; send back returns the case to the
 * dispatcher (dispatch step, no handler); refuse, merge, clear and evaluate end it. A transition taken on or
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
        Actor actor = request.actor();
        if (!actor.cells().covers(current.cell())) {
            return Refusal.outsideScope(null, current.cell(), actor.cells());
        }
        if (!action.allowedIn(current.state())) {
            return Refusal.notAllowed(current, action);
        }
        Set<Role> roles = permissions.roles(action, current);
        String problem = null;
        Actor acting = null;
        for (Role role : actor.roles()) {
            if (!roles.contains(role)) {
                continue;
            }
            Actor candidate = actor.actingAs(role);
            String identity = permissions.identityProblem(current, request, candidate);
            if (identity == null) {
                acting = candidate;
                break;
            }
            problem = problem == null ? identity : problem;
        }
        if (acting == null) {
            return Refusal.forbidden(problem != null ? problem : "your roles (" + actor.callerRoles()
                    + ") may not " + action.wireName() + " this case", roles);
        }
        Refusal invalid = check.check(current, request);
        if (invalid == null) {
            invalid = targetOutside(request);
        }
        return invalid != null ? invalid : accept(current, request, acting, now);
    }

    /**
     * What the service does when a machine's case has cleared by itself ({@code reason} says how): the
     * case ends as {@link CaseState#CLEARED}, or nothing when a person has registered it meanwhile (or it
     * is no longer reported): once a person has taken it on, only people close it.
     */
    public Optional<Transition> clear(CaseSnapshot current, String reason, long now) {
        TransitionResult result = apply(current, TransitionRequest.of(CaseAction.CLEAR, Actor.SYSTEM, reason), now);
        return result instanceof Transition transition ? Optional.of(transition) : Optional.empty();
    }

    /** The actions this actor may take on the case now (in any of their roles), e.g. for a screen's buttons. */
    public Set<CaseAction> allowedActions(CaseSnapshot current, Actor actor) {
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        if (!actor.cells().covers(current.cell())) {
            return actions;
        }
        for (CaseAction action : CaseAction.allowedActions(current.state())) {
            Set<Role> roles = permissions.roles(action, current);
            TransitionRequest request = TransitionRequest.of(action, actor, null);
            if (actor.roles().stream().anyMatch(role -> roles.contains(role)
                    && permissions.identityProblem(current, request, actor.actingAs(role)) == null)) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** A dispatch or reassignment to a cell's leader outside the actor's cells; null when none. */
    private static Refusal targetOutside(TransitionRequest request) {
        if (request.action() != CaseAction.DISPATCH && request.action() != CaseAction.REASSIGN) {
            return null;
        }
        Assignee target = Assignee.parse(request.to());
        if (target != null && target.kind() == Assignee.Kind.CELL_LEADER
                && !request.actor().cells().covers(target.id())) {
            return Refusal.outsideScope("to", target.id(), request.actor().cells());
        }
        return null;
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

    private Transition accept(CaseSnapshot c, TransitionRequest r, Actor acting, long now) {
        if (r.action() == CaseAction.ESCALATE) {
            return escalation.escalate(c, acting, r.note(), r.attachments(), r.severity(), now);
        }
        CaseDraft d = new CaseDraft(c);
        change(d, c, r, now);
        d.overdue = lateAt(c, now);
        d.deadline = r.action() == CaseAction.ACCEPT ? c.deadline()
                : deadlines.deadlineIn(d.state, c.category(), d.severity, now);
        return new Transition(r.action(), c.state(), acting, r.note(), r.attachments(), now, d.build());
    }

    /** What each action (but escalate) changes besides the overdue flag and the deadline. */
    private void change(CaseDraft d, CaseSnapshot c, TransitionRequest r, long now) {
        switch (r.action()) {
            case REGISTER -> register(d, c, r.severity(), now);
            case REFUSE -> d.state = CaseState.REFUSED;
            case CLEAR -> {
                d.state = CaseState.CLEARED;
                d.closedAt = now;
            }
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
