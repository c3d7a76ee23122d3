package city.gridcommand.cases;

import static city.gridcommand.cases.CaseAction.ACCEPT;
import static city.gridcommand.cases.CaseAction.CLEAR;
import static city.gridcommand.cases.CaseAction.CLOSE;
import static city.gridcommand.cases.CaseAction.DISPATCH;
import static city.gridcommand.cases.CaseAction.ESCALATE;
import static city.gridcommand.cases.CaseAction.EVALUATE;
import static city.gridcommand.cases.CaseAction.MERGE;
import static city.gridcommand.cases.CaseAction.REASSIGN;
import static city.gridcommand.cases.CaseAction.REFUSE;
import static city.gridcommand.cases.CaseAction.REGISTER;
import static city.gridcommand.cases.CaseAction.REWORK;
import static city.gridcommand.cases.CaseAction.SEND_BACK;
import static city.gridcommand.cases.CaseFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every action in every state: the legal ones pass the state check, the others get 409 with the legal set. */
class StateRulesTest {

    /** Written out by hand from the workflow, so a change to CaseAction's table must be made here too. */
    private static final Map<CaseState, Set<CaseAction>> LEGAL = Map.of(
            CaseState.REPORTED, EnumSet.of(REGISTER, REFUSE, CLEAR, MERGE, ESCALATE),
            CaseState.REGISTERED, EnumSet.of(MERGE, DISPATCH, ESCALATE),
            CaseState.DISPATCHED, EnumSet.of(ACCEPT, ESCALATE, REASSIGN, SEND_BACK),
            CaseState.HANDLING, EnumSet.of(CaseAction.FEEDBACK, ESCALATE, REASSIGN, SEND_BACK),
            CaseState.FEEDBACK, EnumSet.of(CLOSE, REWORK, ESCALATE),
            CaseState.CLOSED, EnumSet.of(EVALUATE),
            CaseState.REFUSED, EnumSet.noneOf(CaseAction.class),
            CaseState.MERGED, EnumSet.noneOf(CaseAction.class),
            CaseState.CLEARED, EnumSet.noneOf(CaseAction.class),
            CaseState.EVALUATED, EnumSet.noneOf(CaseAction.class));

    private final CaseWorkflow workflow = CaseFixtures.workflow();

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void illegalActionsAreRefusedWithTheLegalOnes(CaseState state) {
        CaseSnapshot c = CaseFixtures.caseIn(state, Assignee.department("dept-urban"));
        for (CaseAction action : CaseAction.values()) {
            TransitionResult result = workflow.apply(c, TransitionRequest.of(action, CaseFixtures.DISPATCHER, "x"),
                    CaseFixtures.at("2026-11-23T10:00"));
            if (LEGAL.get(state).contains(action)) {
                if (result instanceof Refusal refusal) {
                    assertThat(refusal.kind()).as(state + " " + action).isNotEqualTo(Refusal.Kind.NOT_ALLOWED_IN_STATE);
                }
            } else {
                Refusal refusal = refused(result);
                assertThat(refusal.kind()).as(state + " " + action).isEqualTo(Refusal.Kind.NOT_ALLOWED_IN_STATE);
                assertThat(refusal.kind().httpStatus()).isEqualTo(409);
                assertThat(refusal.allowedActions()).as(state + " " + action).isEqualTo(LEGAL.get(state));
            }
        }
    }

    @Test
    void finalStatesAreFinalAndOpenStatesHaveASteps() {
        for (CaseState state : CaseState.values()) {
            assertThat(state.isFinal()).as(state.name()).isEqualTo(LEGAL.get(state).isEmpty());
            assertThat(DeadlineStep.of(state) != null).as(state.name()).isEqualTo(state.isOpen());
        }
    }

    @Test
    void wireNamesRoundTrip() {
        for (CaseAction action : CaseAction.values()) {
            assertThat(CaseAction.fromWire(action.wireName())).isEqualTo(action);
        }
        assertThat(CaseAction.SEND_BACK.wireName()).isEqualTo("send_back");
        assertThat(CaseAction.fromWire("Dispatch")).isNull();
        assertThat(CaseState.fromWire("handling")).isEqualTo(CaseState.HANDLING);
        assertThat(Role.fromWire("department")).isEqualTo(Role.DEPARTMENT);
        assertThat(CaseLevel.fromWire("street")).isEqualTo(CaseLevel.STREET);
        assertThat(Assignee.parse("leader:440305001002005")).isEqualTo(Assignee.leaderOf("440305001002005"));
        assertThat(Assignee.parse("person:w-3").wire()).isEqualTo("person:w-3");
        assertThat(Assignee.parse("dept-urban")).isEqualTo(Assignee.department("dept-urban"));
        assertThat(Assignee.parse("urban")).isNull();
        assertThat(Assignee.parse("leader:")).isNull();
        assertThat(Assignee.parse("person:a b")).isNull();
    }
}
