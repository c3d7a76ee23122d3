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

import org.junit.jupiter.api.Test;

/** Who may do what: 403 with the roles that may, and the unit or person checks within a role. */
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
    void onlyTheAssignedDepartmentHandles() {
        CaseSnapshot c = caseIn(CaseState.DISPATCHED, Assignee.department("dept-urban"));
        assertThat(apply(workflow, c, CaseAction.ACCEPT, URBAN).accepted()).isTrue();
        assertThat(apply(workflow, c, CaseAction.ACCEPT, Actor.of("u-9", Role.DEPARTMENT)).accepted())
                .as("unit unknown: not checked").isTrue();
        Refusal other = refused(apply(workflow, c, CaseAction.ACCEPT, FIRE_BRIGADE));
        assertThat(other.reason()).contains("dept-urban").contains("dept-fire");
        assertForbidden(apply(workflow, c, CaseAction.ACCEPT, FIRE_BRIGADE), Role.DEPARTMENT);
        assertForbidden(apply(workflow, c, CaseAction.ACCEPT, LEADER), Role.DEPARTMENT);
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
        Actor otherLeader = new Actor("l-2", Role.LEADER, "440305001002006");
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
