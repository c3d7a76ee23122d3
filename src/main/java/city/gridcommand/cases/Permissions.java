package city.gridcommand.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may take which action on a case:
 * <ul>
 * <li>register: the dispatcher; the service too for a sensor/camera case when
 *     {@link WorkflowPolicy#autoRegisterMachineReports()};</li>
 * <li>refuse: the dispatcher; merge: the dispatcher or the service (duplicate detection); clear: the
 *     service alone (a machine's case whose condition cleared);</li>
 * <li>dispatch: the dispatcher; the service too when {@link WorkflowPolicy#autoDispatch()};</li>
 * <li>accept, feedback, send back: the handler — staff of the assigned department, the assigned cell's
 *     leader or its grid workers, or the one assigned person;</li>
 * <li>close, rework: the supervisor, or the grid worker who reported the case (核查 by the reporter);</li>
 * <li>evaluate: the dispatcher or the supervisor, and the hotline for a case the hotline took
 *     (回访);</li>
 * <li>escalate: the service (timers) or the dispatcher;</li>
 * <li>reassign: the dispatcher, and the cell leader of a case assigned to their cell.</li>
 * </ul>
 * Within a role, the actor must be the one the case is for, always (an actor who does not say is refused):
 * department staff act only on their department's cases (their unit is the assigned {@code dept-…}; without
 * a unit, on none), a cell's leader or grid worker only on a {@code leader:{cell}} case whose cell is theirs
 * ({@link Actor#answersFor}), a {@code person:{id}} case only that person, and a grid worker verifies only a
 * case they reported.
 */
final class Permissions {

    private final WorkflowPolicy policy;

    Permissions(WorkflowPolicy policy) {
        this.policy = policy;
    }

    /** The roles that may take the action on this case. */
    Set<Role> roles(CaseAction action, CaseSnapshot c) {
        return switch (action) {
            case REGISTER -> policy.autoRegisterMachineReports() && c.reporter().kind().isMachine()
                    ? EnumSet.of(Role.DISPATCHER, Role.SYSTEM) : EnumSet.of(Role.DISPATCHER);
            case REFUSE -> EnumSet.of(Role.DISPATCHER);
            case CLEAR -> EnumSet.of(Role.SYSTEM);
            case MERGE, ESCALATE -> EnumSet.of(Role.DISPATCHER, Role.SYSTEM);
            case DISPATCH -> policy.autoDispatch() ? EnumSet.of(Role.DISPATCHER, Role.SYSTEM)
                    : EnumSet.of(Role.DISPATCHER);
            case ACCEPT, FEEDBACK, SEND_BACK -> handlerRoles(c.assignee());
            case CLOSE, REWORK -> c.reporter().kind() == ReporterKind.WORKER
                    ? EnumSet.of(Role.SUPERVISOR, Role.WORKER) : EnumSet.of(Role.SUPERVISOR);
            case EVALUATE -> c.reporter().kind() == ReporterKind.HOTLINE
                    ? EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR, Role.HOTLINE)
                    : EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
            case REASSIGN -> c.assignee() != null && c.assignee().kind() == Assignee.Kind.CELL_LEADER
                    ? EnumSet.of(Role.DISPATCHER, Role.LEADER) : EnumSet.of(Role.DISPATCHER);
        };
    }

    /**
     * Why this actor, acting in a role that may take the action, may still not make this request; null
     * when they may.
     */
    String identityProblem(CaseSnapshot c, TransitionRequest request, Actor actor) {
        return switch (request.action()) {
            case ACCEPT, FEEDBACK, SEND_BACK -> handlerProblem(c.assignee(), actor);
            case CLOSE, REWORK -> actor.role() == Role.WORKER && !c.reportedByWorker(actor.id())
                    ? "only the grid worker who reported the case may verify it" : null;
            case REASSIGN -> actor.role() == Role.LEADER ? leaderReassignProblem(c, request, actor) : null;
            default -> null;
        };
    }

    /** A cell leader hands their cell's case to one person (a grid worker), not to a department. */
    private static String leaderReassignProblem(CaseSnapshot c, TransitionRequest request, Actor actor) {
        String problem = handlerProblem(c.assignee(), actor);
        if (problem != null) {
            return problem;
        }
        Assignee target = Assignee.parse(request.to());
        return target == null || target.kind() == Assignee.Kind.PERSON ? null
                : "a cell leader hands a case only to a person (person:<id>); the dispatcher reassigns to others";
    }

    private static Set<Role> handlerRoles(Assignee assignee) {
        if (assignee == null) {
            return EnumSet.noneOf(Role.class);
        }
        return switch (assignee.kind()) {
            case DEPARTMENT -> EnumSet.of(Role.DEPARTMENT);
            case CELL_LEADER, PERSON -> EnumSet.of(Role.LEADER, Role.WORKER);
        };
    }

    private static String handlerProblem(Assignee assignee, Actor actor) {
        return switch (assignee.kind()) {
            case DEPARTMENT -> {
                if (actor.unit() == null) {
                    yield "the case is assigned to " + assignee.id() + ", and your token names no unit (department)";
                }
                yield actor.unit().equals(assignee.id()) ? null
                        : "the case is assigned to " + assignee.id() + ", not " + actor.unit();
            }
            case CELL_LEADER -> actor.answersFor(assignee.id()) ? null
                    : "the case is assigned to cell " + assignee.id() + ", which is not "
                            + (actor.unit() != null ? "under your unit " + actor.unit()
                                    : "in your cells (" + actor.cells() + ")");
            case PERSON -> actor.id().equals(assignee.id()) ? null
                    : "the case is assigned to " + assignee.id() + ", not " + actor.id();
        };
    }
}
