package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.BASE_CELL;
import static city.gridcommand.cases.CaseFixtures.DISPATCHER;
import static city.gridcommand.cases.CaseFixtures.LEADER;
import static city.gridcommand.cases.CaseFixtures.SUPERVISOR;
import static city.gridcommand.cases.CaseFixtures.URBAN;
import static city.gridcommand.cases.CaseFixtures.at;
import static city.gridcommand.cases.CaseFixtures.caseIn;
import static city.gridcommand.cases.CaseFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.signal.Severity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad requests get 400 naming the field at fault. */
class RequestCheckTest {

    private static final long NOW = at("2026-11-23T10:00");

    private final CaseWorkflow workflow = CaseFixtures.workflow();

    private void assertInvalid(CaseSnapshot c, TransitionRequest request, String field, String reasonPart) {
        Refusal refusal = refused(workflow.apply(c, request, NOW));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal.kind().httpStatus()).isEqualTo(400);
        assertThat(refusal.field()).isEqualTo(field);
        assertThat(refusal.reason()).contains(reasonPart);
    }

    @Test
    void dispatchNeedsAValidTarget() {
        CaseSnapshot c = caseIn(CaseState.REGISTERED, null);
        TransitionRequest dispatch = TransitionRequest.of(CaseAction.DISPATCH, DISPATCHER, null);
        assertInvalid(c, dispatch, "to", "needs 'to'");
        assertInvalid(c, dispatch.withTo(" "), "to", "needs 'to'");
        assertInvalid(c, dispatch.withTo("urban management"), "to", "dept-…, leader:<cell> or person:<id>");
    }

    @Test
    void reasonsAndResultsAreRequired() {
        assertInvalid(caseIn(CaseState.REPORTED, null), TransitionRequest.of(CaseAction.REFUSE, DISPATCHER, " "),
                "note", "a reason");
        CaseSnapshot handling = caseIn(CaseState.HANDLING, Assignee.leaderOf(BASE_CELL));
        assertInvalid(handling, TransitionRequest.of(CaseAction.FEEDBACK, LEADER, null), "note", "handling result");
        assertInvalid(handling, TransitionRequest.of(CaseAction.SEND_BACK, LEADER, null), "note", "a reason");
        assertInvalid(caseIn(CaseState.FEEDBACK, Assignee.department("dept-urban")),
                TransitionRequest.of(CaseAction.REWORK, SUPERVISOR, ""), "note", "a reason");
        assertInvalid(caseIn(CaseState.REPORTED, null), TransitionRequest.of(CaseAction.REGISTER, DISPATCHER,
                "x".repeat(RequestCheck.MAX_NOTE + 1)), "note", "longer");
    }

    @Test
    void feedbackNeedsAPhotoWhenTheCitySaysSo() {
        CaseWorkflow strict = CaseFixtures.workflow(new WorkflowPolicy(false, false, true));
        CaseSnapshot c = caseIn(CaseState.HANDLING, Assignee.department("dept-urban"));
        TransitionRequest feedback = TransitionRequest.of(CaseAction.FEEDBACK, URBAN, "cleared");
        Refusal refusal = refused(strict.apply(c, feedback, NOW));
        assertThat(refusal.field()).isEqualTo("attachments");
        assertThat(strict.apply(c, feedback.withAttachments(List.of("https://p.example.org/1.jpg")), NOW).accepted())
                .isTrue();
        assertInvalid(c, feedback.withAttachments(Arrays.asList("https://p.example.org/1.jpg", " ")), "attachments",
                "URL");
        assertInvalid(c, feedback.withAttachments(Arrays.asList("https://p.example.org/1.jpg", null)), "attachments",
                "URL");
    }

    @Test
    void fieldsAnActionDoesNotTakeAreRefused() {
        CaseSnapshot dispatched = caseIn(CaseState.DISPATCHED, Assignee.department("dept-urban"));
        assertInvalid(dispatched, TransitionRequest.of(CaseAction.ACCEPT, URBAN, null).withTo("dept-fire"), "to",
                "takes no 'to'");
        assertInvalid(dispatched, TransitionRequest.of(CaseAction.ACCEPT, URBAN, null).withSeverity(Severity.RED),
                "severity", "takes no 'severity'");
        assertInvalid(dispatched, TransitionRequest.of(CaseAction.ACCEPT, URBAN, null).withScore("5"), "score",
                "takes no 'score'");
    }

    @Test
    void anUnknownActionNamesTheKnownOnes() {
        Refusal refusal = Refusal.unknownAction("approve");
        assertThat(refusal.field()).isEqualTo("action");
        assertThat(refusal.reason()).contains("'approve'").contains("dispatch").contains("send_back");
    }

    @Test
    void evaluationNeedsAScoreOnTheScale() {
        CaseSnapshot closed = caseIn(CaseState.CLOSED, Assignee.department("dept-urban"));
        TransitionRequest evaluate = TransitionRequest.of(CaseAction.EVALUATE, DISPATCHER, null);
        assertInvalid(closed, evaluate, "score", "1 to 5");
        assertInvalid(closed, evaluate.withScore("6"), "score", "1 to 5");
        assertInvalid(closed, evaluate.withScore("excellent"), "score", "1 to 5");
        assertThat(Evaluation.parse(" 2 ")).isEqualTo(Evaluation.of(2));
        assertThat(Evaluation.parse("FAIR")).isEqualTo(Evaluation.of(3));
    }

    @Test
    void mergeReassignAndEscalateHaveTheirOwnChecks() {
        assertInvalid(caseIn(CaseState.REGISTERED, null),
                TransitionRequest.of(CaseAction.MERGE, DISPATCHER, null).withTo("c-1"), "to", "into itself");
        assertInvalid(caseIn(CaseState.HANDLING, Assignee.department("dept-urban")),
                TransitionRequest.of(CaseAction.REASSIGN, DISPATCHER, null).withTo("dept-urban"), "to", "already");
        CaseSnapshot yellow = new CaseSnapshot("c-7", "exposed_garbage", Severity.YELLOW, CaseState.HANDLING,
                CaseLevel.STREET, BASE_CELL, CaseFixtures.PATH, Reporter.worker("w-1"),
                Assignee.department("dept-urban"), NOW + 1, false, 0, 0, NOW - 1, null, null, null, null);
        assertInvalid(yellow, TransitionRequest.of(CaseAction.ESCALATE, DISPATCHER, null)
                .withSeverity(Severity.GREEN), "severity", "cannot lower");
    }
}
