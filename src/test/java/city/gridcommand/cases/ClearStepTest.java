package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.at;
import static city.gridcommand.cases.CaseFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The clear step (自动消除): the service ends a machine's case that cleared before anyone registered it;
 * once a person has registered it, only people close it; no token's role may clear.
 */
class ClearStepTest {

    private final CaseWorkflow workflow = CaseFixtures.workflow();
    private final long now = at("2026-11-23T10:30");

    @Test
    void aReportedCaseClearsByTheSystemWithItsReason() {
        CaseSnapshot reported = CaseFixtures.caseIn(CaseState.REPORTED, null, new Reporter(ReporterKind.SENSOR, "smk-1"));

        Transition t = workflow.clear(reported, "condition cleared: smk-1 smoke 0.05 back past 0.15", now).orElseThrow();

        assertThat(t.action()).isEqualTo(CaseAction.CLEAR);
        assertThat(t.from()).isEqualTo(CaseState.REPORTED);
        assertThat(t.to()).isEqualTo(CaseState.CLEARED);
        assertThat(t.to().isFinal()).isTrue();
        assertThat(t.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(t.note()).contains("smoke 0.05");
        assertThat(t.after().closedAt()).isEqualTo(now);
        assertThat(t.deadline()).as("no step runs any more").isNull();
    }

    @Test
    void aRegisteredCaseIsNotClearedByTheService() {
        for (CaseState state : CaseState.values()) {
            if (state != CaseState.REPORTED) {
                CaseSnapshot c = CaseFixtures.caseIn(state, Assignee.department("dept-fire"));
                assertThat(workflow.clear(c, "condition cleared", now)).as(state.name()).isEqualTo(Optional.empty());
            }
        }
    }

    @Test
    void noPersonMayClear() {
        CaseSnapshot reported = CaseFixtures.caseIn(CaseState.REPORTED, null);
        for (Actor person : new Actor[] {CaseFixtures.DISPATCHER, CaseFixtures.SUPERVISOR, CaseFixtures.LEADER}) {
            Refusal refusal = refused(workflow.apply(reported,
                    TransitionRequest.of(CaseAction.CLEAR, person, "it went away"), now));
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN_FOR_ROLE);
            assertThat(refusal.allowedRoles()).containsExactly(Role.SYSTEM);
        }
        assertThat(workflow.allowedActions(reported, CaseFixtures.DISPATCHER)).doesNotContain(CaseAction.CLEAR);
    }
}
