package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.BASE_CELL;
import static city.gridcommand.cases.CaseFixtures.DISPATCHER;
import static city.gridcommand.cases.CaseFixtures.FIRE_BRIGADE;
import static city.gridcommand.cases.CaseFixtures.HOTLINE;
import static city.gridcommand.cases.CaseFixtures.LEADER;
import static city.gridcommand.cases.CaseFixtures.OTHER_WORKER;
import static city.gridcommand.cases.CaseFixtures.REPORTING_WORKER;
import static city.gridcommand.cases.CaseFixtures.SUPERVISOR;
import static city.gridcommand.cases.CaseFixtures.URBAN;
import static city.gridcommand.cases.CaseFixtures.at;
import static city.gridcommand.cases.CaseFixtures.caseIn;
import static city.gridcommand.cases.CaseFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: 403 naming the cell for a case outside the actor's cells, 403 with the roles that may,
 * and the unit, cell or person checks within a role, always made.
 */
class PermissionsTest {

    private static final long NOW = at("2026-11-23T10:00");
    private static final Reporter CAMERA = new Reporter(ReporterKind.CAMERA, "cam-7");

    private final CaseWorkflow workflow = CaseFixtures.workflow();

    private TransitionResult apply(CaseWorkflow flow, CaseSnapshot c, CaseAction action, Actor actor) {
        return flow.apply(c, TransitionRequest.of(action, actor, "because"), NOW);
    }

    private void assertForbidden(TransitionResult result, Role... roles) {
        Refusal refusal = refused(result);
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN_FOR_ROLE);
        assertThat(refusal.kind().httpStatus()).isEqualTo(403);
        assertThat(refusal.allowedRoles()).containsExactlyInAnyOrder(roles);
    }

    @Test
    void onlyTheDispatcherRegistersUnlessMachineCasesAreRegisteredAutomatically() {
        CaseSnapshot fromCamera = caseIn(CaseState.REPORTED, null, CAMERA);
        assertThat(apply(workflow, fromCamera, CaseAction.REGISTER, DISPATCHER).accepted()).isTrue();
        assertForbidden(apply(workflow, fromCamera, CaseAction.REGISTER, Actor.SYSTEM), Role.DISPATCHER);
        assertForbidden(apply(workflow, fromCamera, CaseAction.REGISTER, REPORTING_WORKER), Role.DISPATCHER);

        CaseWorkflow automatic = CaseFixtures.workflow(new WorkflowPolicy(true, false, false));
        assertThat(apply(automatic, fromCamera, CaseAction.REGISTER, Actor.SYSTEM).accepted()).isTrue();
        assertForbidden(apply(automatic, caseIn(CaseState.REPORTED, null), CaseAction.REGISTER, Actor.SYSTEM),
                Role.DISPATCHER);
    }

    @Test
    void theServiceDispatchesOnlyWhenAllowedTo() {
        TransitionRequest request = TransitionRequest.of(CaseAction.DISPATCH, Actor.SYSTEM, null).withTo("dept-urban");
        CaseSnapshot registered = caseIn(CaseState.REGISTERED, null);
        assertForbidden(workflow.apply(registered, request, NOW), Role.DISPATCHER);
        CaseWorkflow automatic = CaseFixtures.workflow(new WorkflowPolicy(false, true, false));
        assertThat(automatic.apply(registered, request, NOW).accepted()).isTrue();
    }

    @Test
    void onlyTheAssignedDepartmentHandlesAndADepartmentActorWithoutAUnitNever() {
        CaseSnapshot c = caseIn(CaseState.DISPATCHED, Assignee.department("dept-urban"));
        assertThat(apply(workflow, c, CaseAction.ACCEPT, URBAN).accepted()).isTrue();
        Actor noUnit = Actor.of("u-9", Role.DEPARTMENT, null, CaseFixtures.DISTRICT_CELLS);
        assertForbidden(apply(workflow, c, CaseAction.ACCEPT, noUnit), Role.DEPARTMENT);
        assertThat(refused(apply(workflow, c, CaseAction.ACCEPT, noUnit)).reason()).contains("names no unit");
        Refusal other = refused(apply(workflow, c, CaseAction.ACCEPT, FIRE_BRIGADE));
        assertThat(other.reason()).contains("dept-urban").contains("dept-fire");
        assertForbidden(apply(workflow, c, CaseAction.ACCEPT, FIRE_BRIGADE), Role.DEPARTMENT);
        assertForbidden(apply(workflow, c, CaseAction.ACCEPT, LEADER), Role.DEPARTMENT);
        CaseSnapshot handling = caseIn(CaseState.HANDLING, Assignee.department("dept-urban"));
        assertForbidden(workflow.apply(handling, TransitionRequest.of(CaseAction.SEND_BACK, noUnit, "not ours"), NOW),
                Role.DEPARTMENT);
    }

    @Test
    void aCellsCaseIsHandledByItsLeaderOrItsWorkers() {
        CaseSnapshot c = caseIn(CaseState.HANDLING, Assignee.leaderOf(BASE_CELL));
        assertThat(apply(workflow, c, CaseAction.FEEDBACK, LEADER).accepted()).isTrue();
        assertThat(apply(workflow, c, CaseAction.FEEDBACK, REPORTING_WORKER).accepted()).isTrue();
        assertForbidden(apply(workflow, c, CaseAction.FEEDBACK, OTHER_WORKER), Role.LEADER, Role.WORKER);
        assertForbidden(apply(workflow, c, CaseAction.FEEDBACK, URBAN), Role.LEADER, Role.WORKER);
    }

    @Test
    void aLeaderWithoutAUnitActsOnTheCellsOfTheirTokenOnly() {
        Actor ofTheCell = Actor.of("l-3", Role.LEADER, null, CellScope.of(List.of(BASE_CELL)));
        CaseSnapshot own = caseIn(CaseState.DISPATCHED, Assignee.leaderOf(BASE_CELL));
        assertThat(apply(workflow, own, CaseAction.ACCEPT, ofTheCell).accepted()).isTrue();
        // the case lies in their cell, but is the whole community's, which their token does not cover
        CaseSnapshot community = caseIn(CaseState.DISPATCHED, Assignee.leaderOf(CaseFixtures.COMMUNITY));
        Refusal refusal = refused(apply(workflow, community, CaseAction.ACCEPT, ofTheCell));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN_FOR_ROLE);
        assertThat(refusal.reason()).contains(CaseFixtures.COMMUNITY).contains("not in your cells");
        // a leader whose unit is the community leads its base cells' cases too
        Actor communityLeader = Actor.of("l-4", Role.LEADER, CaseFixtures.COMMUNITY, CaseFixtures.COMMUNITY_CELLS);
        assertThat(apply(workflow, own, CaseAction.ACCEPT, communityLeader).accepted()).isTrue();
        assertThat(apply(workflow, community, CaseAction.ACCEPT, communityLeader).accepted()).isTrue();
    }

    @Test
    void aCaseOutsideTheActorsCellsIsRefusedNamingItsCellBeforeItsStateShows() {
        Actor otherStreet = Actor.of("d-2", Role.DISPATCHER, null, CellScope.of(List.of("440305002")));
        for (CaseState state : CaseState.values()) {
            Refusal refusal = refused(apply(workflow, caseIn(state, null), CaseAction.REGISTER, otherStreet));
            assertThat(refusal.kind()).as(state.name()).isEqualTo(Refusal.Kind.OUTSIDE_SCOPE);
            assertThat(refusal.kind().httpStatus()).isEqualTo(403);
            assertThat(refusal.cell()).isEqualTo(BASE_CELL);
            assertThat(refusal.field()).isNull();
            assertThat(refusal.allowedActions()).isEmpty();
            assertThat(refusal.allowedRoles()).isEmpty();
        }
        assertThat(workflow.allowedActions(caseIn(CaseState.REPORTED, null), otherStreet)).isEmpty();
        Actor nowhere = Actor.of("d-3", Role.DISPATCHER, null, CellScope.NOWHERE);
        assertThat(refused(apply(workflow, caseIn(CaseState.REPORTED, null), CaseAction.REGISTER, nowhere)).kind())
                .isEqualTo(Refusal.Kind.OUTSIDE_SCOPE);
    }

    @Test
    void aDispatchToTheLeaderOfACellOutsideTheActorsCellsIsRefusedNamingTo() {
        Actor streetOne = Actor.of("d-4", Role.DISPATCHER, null, CellScope.of(List.of(CaseFixtures.STREET)));
        CaseSnapshot registered = caseIn(CaseState.REGISTERED, null);
        Refusal refusal = refused(workflow.apply(registered, TransitionRequest.of(CaseAction.DISPATCH, streetOne, null)
                .withTo("leader:440305002001001"), NOW));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.OUTSIDE_SCOPE);
        assertThat(refusal.field()).isEqualTo("to");
        assertThat(refusal.cell()).isEqualTo("440305002001001");
        assertThat(workflow.apply(registered, TransitionRequest.of(CaseAction.DISPATCH, streetOne, null)
                .withTo("leader:" + BASE_CELL), NOW).accepted()).isTrue();
        assertThat(workflow.apply(registered, TransitionRequest.of(CaseAction.DISPATCH, streetOne, null)
                .withTo("dept-urban"), NOW).accepted()).as("a department has no cell").isTrue();
        CaseSnapshot dispatched = caseIn(CaseState.DISPATCHED, Assignee.department("dept-urban"));
        assertThat(refused(workflow.apply(dispatched, TransitionRequest.of(CaseAction.REASSIGN, streetOne, null)
                .withTo("leader:440305002"), NOW)).cell()).isEqualTo("440305002");
    }

    @Test
    void aCallerWithSeveralRolesActsInTheFirstTheTableAllowsAndTheTransitionSaysWhich() {
        Caller both = new Caller("w-1", Set.of(StaffRole.WORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN),
                CaseFixtures.DISTRICT_CELLS, null);
        Actor actor = Actor.of(both);
        assertThat(actor.roles()).containsExactly(Role.SUPERVISOR, Role.WORKER);
        CaseSnapshot feedback = caseIn(CaseState.FEEDBACK, Assignee.department("dept-urban"));
        Transition closed = CaseFixtures.accepted(apply(workflow, feedback, CaseAction.CLOSE, actor));
        assertThat(closed.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(closed.actor().id()).isEqualTo("w-1");
        // the supervisor may not accept a leader's case; the grid worker of the cell may
        Caller supervisorWorker = new Caller("w-1", Set.of(StaffRole.SUPERVISOR, StaffRole.WORKER),
                CaseFixtures.COMMUNITY_CELLS, null);
        Transition accepted = CaseFixtures.accepted(apply(workflow, caseIn(CaseState.DISPATCHED,
                Assignee.leaderOf(BASE_CELL)), CaseAction.ACCEPT, Actor.of(supervisorWorker)));
        assertThat(accepted.role()).isEqualTo(Role.WORKER);
    }

    @Test
    void tokenRolesMapToWorkflowRolesAndAdminAndScreenTakeNoStep() {
        assertThat(Role.of(StaffRole.DISPATCHER)).isEqualTo(Role.DISPATCHER);
        assertThat(Role.of(StaffRole.SUPERVISOR)).isEqualTo(Role.SUPERVISOR);
        assertThat(Role.of(StaffRole.HANDLER)).isEqualTo(Role.DEPARTMENT);
        assertThat(Role.of(StaffRole.LEADER)).isEqualTo(Role.LEADER);
        assertThat(Role.of(StaffRole.WORKER)).isEqualTo(Role.WORKER);
        assertThat(Role.of(StaffRole.SERVICE)).isEqualTo(Role.HOTLINE);
        assertThat(Role.of(StaffRole.ADMIN)).isNull();
        assertThat(Role.of(StaffRole.SCREEN)).isNull();
        assertThat(Role.SYSTEM.staffRole()).isNull();
        assertThat(Role.DEPARTMENT.callerName()).isEqualTo("handler");

        Actor screen = Actor.of(new Caller("wall-1", Set.of(StaffRole.SCREEN, StaffRole.ADMIN), CellScope.EVERYWHERE,
                null));
        assertThat(screen.roles()).isEmpty();
        Refusal refusal = refused(apply(workflow, caseIn(CaseState.REPORTED, null), CaseAction.REGISTER, screen));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN_FOR_ROLE);
        assertThat(refusal.allowedRoles()).containsExactly(Role.DISPATCHER);
        assertThat(workflow.allowedActions(caseIn(CaseState.REPORTED, null), screen)).isEmpty();
    }

    @Test
    void aPersonsCaseIsHandledByThatPersonOnly() {
        CaseSnapshot c = caseIn(CaseState.DISPATCHED, Assignee.person("w-2"));
        assertThat(apply(workflow, c, CaseAction.ACCEPT, OTHER_WORKER).accepted()).isTrue();
        assertForbidden(apply(workflow, c, CaseAction.ACCEPT, REPORTING_WORKER), Role.LEADER, Role.WORKER);
    }

    @Test
    void theSupervisorOrTheReportingWorkerVerifies() {
        CaseSnapshot c = caseIn(CaseState.FEEDBACK, Assignee.department("dept-urban"));
        assertThat(apply(workflow, c, CaseAction.CLOSE, SUPERVISOR).accepted()).isTrue();
        assertThat(apply(workflow, c, CaseAction.REWORK, REPORTING_WORKER).accepted()).isTrue();
        Refusal refusal = refused(apply(workflow, c, CaseAction.CLOSE, OTHER_WORKER));
        assertThat(refusal.reason()).contains("reported");
        assertForbidden(apply(workflow, c, CaseAction.CLOSE, OTHER_WORKER), Role.SUPERVISOR, Role.WORKER);
        assertForbidden(apply(workflow, c, CaseAction.CLOSE, DISPATCHER), Role.SUPERVISOR, Role.WORKER);

        CaseSnapshot fromCamera = caseIn(CaseState.FEEDBACK, Assignee.department("dept-urban"), CAMERA);
        assertForbidden(apply(workflow, fromCamera, CaseAction.CLOSE, REPORTING_WORKER), Role.SUPERVISOR);
    }

    @Test
    void dispatcherAndSupervisorEvaluateAndTheHotlineItsOwnCases() {
        CaseSnapshot workers = caseIn(CaseState.CLOSED, Assignee.department("dept-urban"));
        TransitionRequest byHotline = TransitionRequest.of(CaseAction.EVALUATE, HOTLINE, null).withScore("3");
        assertForbidden(workflow.apply(workers, byHotline, NOW), Role.DISPATCHER, Role.SUPERVISOR);
        CaseSnapshot hotlines = caseIn(CaseState.CLOSED, Assignee.department("dept-urban"),
                new Reporter(ReporterKind.HOTLINE, "12345-7"));
        assertThat(workflow.apply(hotlines, byHotline, NOW).accepted()).isTrue();
        assertThat(workflow.apply(workers, byHotline.withScore("4"), NOW)).isInstanceOf(Refusal.class);
        assertThat(workflow.apply(workers, TransitionRequest.of(CaseAction.EVALUATE, SUPERVISOR, null)
                .withScore("poor"), NOW).accepted()).isTrue();
    }

    @Test
    void onlyTheServiceOrADispatcherEscalates() {
        CaseSnapshot c = caseIn(CaseState.HANDLING, Assignee.department("dept-urban"));
        assertThat(apply(workflow, c, CaseAction.ESCALATE, Actor.SYSTEM).accepted()).isTrue();
        assertForbidden(apply(workflow, c, CaseAction.ESCALATE, SUPERVISOR), Role.DISPATCHER, Role.SYSTEM);
        assertForbidden(apply(workflow, c, CaseAction.ESCALATE, URBAN), Role.DISPATCHER, Role.SYSTEM);
    }

    @Test
    void aLeaderReassignsOnlyTheirCellsCaseAndOnlyToAPerson() {
        CaseSnapshot c = caseIn(CaseState.DISPATCHED, Assignee.leaderOf(BASE_CELL));
        TransitionRequest toDepartment = TransitionRequest.of(CaseAction.REASSIGN, LEADER, null).withTo("dept-urban");
        Refusal refusal = refused(workflow.apply(c, toDepartment, NOW));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN_FOR_ROLE);
        assertThat(refusal.reason()).contains("only to a person");
        Actor otherLeader = Actor.of("l-2", Role.LEADER, "440305001002006", CaseFixtures.COMMUNITY_CELLS);
        assertThat(workflow.apply(c, toDepartment.withTo("person:w-3"), NOW).accepted()).isTrue();
        assertForbidden(workflow.apply(c, TransitionRequest.of(CaseAction.REASSIGN, otherLeader, null)
                .withTo("person:w-3"), NOW), Role.DISPATCHER, Role.LEADER);
        CaseSnapshot departments = caseIn(CaseState.DISPATCHED, Assignee.department("dept-urban"));
        assertForbidden(workflow.apply(departments, toDepartment.withTo("person:w-3"), NOW), Role.DISPATCHER);
    }

    @Test
    void theScreenShowsEachActorTheirOwnButtons() {
        CaseSnapshot c = caseIn(CaseState.FEEDBACK, Assignee.department("dept-urban"));
        assertThat(workflow.allowedActions(c, SUPERVISOR))
                .containsExactlyInAnyOrder(CaseAction.CLOSE, CaseAction.REWORK);
        assertThat(workflow.allowedActions(c, REPORTING_WORKER))
                .containsExactlyInAnyOrder(CaseAction.CLOSE, CaseAction.REWORK);
        assertThat(workflow.allowedActions(c, OTHER_WORKER)).isEmpty();
        assertThat(workflow.allowedActions(c, DISPATCHER)).containsExactly(CaseAction.ESCALATE);
    }
}
