package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.BASE_CELL;
import static city.gridcommand.cases.CaseFixtures.DISPATCHER;
import static city.gridcommand.cases.CaseFixtures.LEADER;
import static city.gridcommand.cases.CaseFixtures.PATH;
import static city.gridcommand.cases.CaseFixtures.REPORTING_WORKER;
import static city.gridcommand.cases.CaseFixtures.SUPERVISOR;
import static city.gridcommand.cases.CaseFixtures.URBAN;
import static city.gridcommand.cases.CaseFixtures.accepted;
import static city.gridcommand.cases.CaseFixtures.at;
import static city.gridcommand.cases.CaseFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.signal.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole cases walked through the workflow, step by step, with explicit times. */
class CaseWalkthroughTest {

    private final CaseWorkflow workflow = CaseFixtures.workflow();

    private CaseSnapshot step(CaseSnapshot c, TransitionRequest request, String at, CaseState expected) {
        Transition t = accepted(workflow.apply(c, request, at(at)));
        assertThat(t.from()).isEqualTo(c.state());
        assertThat(t.to()).isEqualTo(expected);
        assertThat(t.at()).isEqualTo(at(at));
        return t.after();
    }

    @Test
    void aWorkerReportGoesThroughEveryStepWithOneRework() {
        CaseSnapshot c = workflow.open("c-1", "exposed_garbage", Severity.GREEN, PATH, Reporter.worker("w-1"),
                at("2026-11-23T09:00"));
        assertThat(c.state()).isEqualTo(CaseState.REPORTED);
        assertThat(c.level()).isEqualTo(CaseLevel.CELL);
        assertThat(c.cell()).isEqualTo(BASE_CELL);
        assertThat(c.deadline()).isEqualTo(at("2026-11-23T10:00"));

        c = step(c, TransitionRequest.of(CaseAction.REGISTER, DISPATCHER, null), "2026-11-23T09:20",
                CaseState.REGISTERED);
        assertThat(c.registeredAt()).isEqualTo(at("2026-11-23T09:20"));
        assertThat(c.deadline()).isEqualTo(at("2026-11-23T10:20"));

        c = step(c, TransitionRequest.of(CaseAction.DISPATCH, DISPATCHER, "small matter, cell handles it")
                .withTo("leader:" + BASE_CELL), "2026-11-23T09:30", CaseState.DISPATCHED);
        assertThat(c.assignee()).isEqualTo(Assignee.leaderOf(BASE_CELL));
        assertThat(c.deadline()).isEqualTo(at("2026-11-23T15:30"));

        c = step(c, TransitionRequest.of(CaseAction.ACCEPT, LEADER, null), "2026-11-23T09:40", CaseState.HANDLING);
        assertThat(c.deadline()).as("accept keeps the handle clock").isEqualTo(at("2026-11-23T15:30"));

        c = step(c, TransitionRequest.of(CaseAction.FEEDBACK, LEADER, "bags removed")
                .withAttachments(List.of("https://photos.example.org/after-1.jpg")), "2026-11-23T11:00",
                CaseState.FEEDBACK);
        assertThat(c.deadline()).isEqualTo(at("2026-11-23T15:00"));

        c = step(c, TransitionRequest.of(CaseAction.REWORK, REPORTING_WORKER, "litter still behind the kiosk"),
                "2026-11-23T11:30", CaseState.DISPATCHED);
        assertThat(c.reworkCount()).isEqualTo(1);
        assertThat(c.assignee()).as("rework goes back to the same handler").isEqualTo(Assignee.leaderOf(BASE_CELL));
        assertThat(c.deadline()).isEqualTo(at("2026-11-23T17:30"));

        c = step(c, TransitionRequest.of(CaseAction.ACCEPT, LEADER, null), "2026-11-23T14:00", CaseState.HANDLING);
        c = step(c, TransitionRequest.of(CaseAction.FEEDBACK, LEADER, "kiosk area swept"), "2026-11-23T14:30",
                CaseState.FEEDBACK);
        c = step(c, TransitionRequest.of(CaseAction.CLOSE, SUPERVISOR, "checked on site"), "2026-11-23T15:00",
                CaseState.CLOSED);
        assertThat(c.closedAt()).isEqualTo(at("2026-11-23T15:00"));
        assertThat(c.deadline()).isNull();

        c = step(c, TransitionRequest.of(CaseAction.EVALUATE, DISPATCHER, null).withScore("good"), "2026-11-23T16:00",
                CaseState.EVALUATED);
        assertThat(c.evaluation()).isEqualTo(Evaluation.of(5));
        assertThat(c.evaluation().grade()).isEqualTo(Evaluation.Grade.GOOD);
        assertThat(c.overdue()).isFalse();
        assertThat(c.reworkCount()).isEqualTo(1);
        assertThat(workflow.allowedActions(c, DISPATCHER)).isEmpty();
    }

    @Test
    void aRefusedCaseIsFinal() {
        CaseSnapshot c = workflow.open("c-2", "street_vending", Severity.GREEN, PATH,
                new Reporter(ReporterKind.HOTLINE, "12345-0099"), at("2026-11-23T09:00"));
        c = step(c, TransitionRequest.of(CaseAction.REFUSE, DISPATCHER, "vendor has a licence for this spot"),
                "2026-11-23T09:10", CaseState.REFUSED);
        assertThat(c.deadline()).isNull();
        Refusal r = refused(workflow.apply(c, TransitionRequest.of(CaseAction.REGISTER, DISPATCHER, null),
                at("2026-11-23T09:15")));
        assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_ALLOWED_IN_STATE);
        assertThat(r.allowedActions()).isEmpty();
        assertThat(r.reason()).contains("final");
    }

    @Test
    void aDuplicateIsMergedIntoTheOpenCase() {
        CaseSnapshot c = workflow.open("c-3", "smoke", Severity.YELLOW, PATH,
                new Reporter(ReporterKind.CAMERA, "cam-7"), at("2026-11-23T09:00"));
        c = step(c, TransitionRequest.of(CaseAction.MERGE, Actor.SYSTEM, "same smoke as c-1").withTo("c-1"),
                "2026-11-23T09:01", CaseState.MERGED);
        assertThat(c.mergedInto()).isEqualTo("c-1");
        assertThat(c.deadline()).isNull();
    }

    @Test
    void aWronglyDispatchedCaseIsSentBackAndDispatchedAgain() {
        CaseSnapshot c = workflow.open("c-4", "environment", Severity.YELLOW, PATH, Reporter.worker("w-1"),
                at("2026-11-23T09:00"));
        assertThat(c.level()).isEqualTo(CaseLevel.STREET);
        c = step(c, TransitionRequest.of(CaseAction.REGISTER, DISPATCHER, null), "2026-11-23T09:05",
                CaseState.REGISTERED);
        c = step(c, TransitionRequest.of(CaseAction.DISPATCH, DISPATCHER, null).withTo("dept-urban"),
                "2026-11-23T09:10", CaseState.DISPATCHED);
        c = step(c, TransitionRequest.of(CaseAction.SEND_BACK, URBAN, "odour from a plant: environment bureau"),
                "2026-11-23T09:30", CaseState.REGISTERED);
        assertThat(c.assignee()).isNull();
        assertThat(c.deadline()).isEqualTo(at("2026-11-23T10:00"));
        c = step(c, TransitionRequest.of(CaseAction.DISPATCH, DISPATCHER, null).withTo("dept-environment"),
                "2026-11-23T09:40", CaseState.DISPATCHED);
        assertThat(c.assignee()).isEqualTo(Assignee.department("dept-environment"));
    }

    @Test
    void aCellLeaderHandsTheCaseToOneOfTheirWorkers() {
        CaseSnapshot c = CaseFixtures.caseIn(CaseState.DISPATCHED, Assignee.leaderOf(BASE_CELL));
        c = step(c, TransitionRequest.of(CaseAction.REASSIGN, LEADER, null).withTo("person:w-3"), "2026-11-23T10:00",
                CaseState.DISPATCHED);
        assertThat(c.assignee()).isEqualTo(Assignee.person("w-3"));
        Actor w3 = Actor.of("w-3", Role.WORKER, BASE_CELL, CaseFixtures.COMMUNITY_CELLS);
        assertThat(workflow.allowedActions(c, w3)).containsExactlyInAnyOrder(CaseAction.ACCEPT, CaseAction.SEND_BACK);
        assertThat(workflow.allowedActions(c, REPORTING_WORKER)).isEmpty();
    }

    @Test
    void aStepDoneAfterItsDeadlineMarksTheCaseOverdueForGood() {
        CaseSnapshot c = CaseFixtures.caseIn(CaseState.HANDLING, Assignee.leaderOf(BASE_CELL));
        c = step(c, TransitionRequest.of(CaseAction.FEEDBACK, LEADER, "done"), "2026-11-23T17:20", CaseState.FEEDBACK);
        assertThat(c.overdue()).isTrue();
        c = step(c, TransitionRequest.of(CaseAction.CLOSE, SUPERVISOR, null), "2026-11-24T08:40", CaseState.CLOSED);
        assertThat(c.overdue()).as("the on-time closing rate counts it as late").isTrue();
    }

    @Test
    void registeringAtAnotherSeverityReroutesTheLevel() {
        CaseSnapshot c = workflow.open("c-5", "garbage_overflow", Severity.GREEN, PATH, Reporter.worker("w-1"),
                at("2026-11-23T09:00"));
        c = step(c, TransitionRequest.of(CaseAction.REGISTER, DISPATCHER, "whole street affected")
                .withSeverity(Severity.YELLOW), "2026-11-23T09:10", CaseState.REGISTERED);
        assertThat(c.severity()).isEqualTo(Severity.YELLOW);
        assertThat(c.level()).isEqualTo(CaseLevel.STREET);
        assertThat(c.deadline()).as("YELLOW dispatch: 30 working minutes").isEqualTo(at("2026-11-23T09:40"));
    }

    @Test
    void aDispatcherEscalatesByHand() {
        CaseSnapshot c = CaseFixtures.caseIn(CaseState.REGISTERED, null);
        Transition t = accepted(workflow.apply(c, TransitionRequest.of(CaseAction.ESCALATE, DISPATCHER, "school nearby")
                .withSeverity(Severity.RED), at("2026-11-23T10:00")));
        assertThat(t.severity()).isEqualTo(Severity.RED);
        assertThat(t.level()).isEqualTo(CaseLevel.DISTRICT);
        assertThat(t.after().overdue()).isFalse();
        assertThat(t.deadline()).as("RED dispatch: 10 calendar minutes").isEqualTo(at("2026-11-23T10:10"));
        assertThat(t.actor()).isEqualTo(DISPATCHER);
    }
}
