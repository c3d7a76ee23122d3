package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.CATALOGUE;
import static city.gridcommand.cases.CaseFixtures.DEADLINES;
import static city.gridcommand.cases.CaseFixtures.PATH;
import static city.gridcommand.cases.CaseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.signal.Severity;
import org.junit.jupiter.api.Test;

/** What the durable timer does when a step's deadline passes. */
class EscalationTest {

    private final Escalation escalation = new Escalation(CATALOGUE, DEADLINES);
    private final long deadline = at("2026-11-23T15:00");
    private final long now = at("2026-11-23T15:05");

    private CaseSnapshot handling(String category, Severity severity, CaseLevel level) {
        return new CaseSnapshot("c-9", category, severity, CaseState.HANDLING, level, PATH.get(3), PATH,
                Reporter.worker("w-1"), Assignee.leaderOf(PATH.get(3)), deadline, false, 0, 0, at("2026-11-23T09:00"),
                at("2026-11-23T09:10"), null, null, null);
    }

    @Test
    void greenInTheCellBecomesYellowAtTheStreet() {
        Transition t = escalation.onDeadlinePassed(handling("exposed_garbage", Severity.GREEN, CaseLevel.CELL), now)
                .orElseThrow();
        assertThat(t.action()).isEqualTo(CaseAction.ESCALATE);
        assertThat(t.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(t.from()).isEqualTo(CaseState.HANDLING);
        assertThat(t.to()).isEqualTo(CaseState.HANDLING);
        assertThat(t.severity()).isEqualTo(Severity.YELLOW);
        assertThat(t.level()).isEqualTo(CaseLevel.STREET);
        assertThat(t.after().overdue()).isTrue();
        assertThat(t.after().escalations()).isEqualTo(1);
        assertThat(t.note()).isEqualTo("handle deadline passed");
        // YELLOW exposed garbage: 2 working hours from 15:05 → 17:05.
        assertThat(t.deadline()).isEqualTo(at("2026-11-23T17:05"));
        assertThat(t.assignee()).isEqualTo(Assignee.leaderOf(PATH.get(3)));
    }

    @Test
    void yellowAtTheStreetBecomesRedAtTheDistrict() {
        Transition t = escalation.onDeadlinePassed(handling("exposed_garbage", Severity.YELLOW, CaseLevel.STREET), now)
                .orElseThrow();
        assertThat(t.severity()).isEqualTo(Severity.RED);
        assertThat(t.level()).isEqualTo(CaseLevel.DISTRICT);
        // RED exposed garbage: 1 calendar hour.
        assertThat(t.deadline()).isEqualTo(at("2026-11-23T16:05"));
    }

    @Test
    void atTheTopTheCaseStaysRedAtTheDistrictWithANewDeadline() {
        Transition t = escalation.onDeadlinePassed(handling("exposed_garbage", Severity.RED, CaseLevel.DISTRICT), now)
                .orElseThrow();
        assertThat(t.severity()).isEqualTo(Severity.RED);
        assertThat(t.level()).isEqualTo(CaseLevel.DISTRICT);
        assertThat(t.deadline()).isEqualTo(at("2026-11-23T16:05"));
    }

    @Test
    void aCategoryThatDoesNotRiseOnlyGoesUpALevel() {
        Transition t = escalation.onDeadlinePassed(handling("illegal_advertising", Severity.GREEN, CaseLevel.CELL),
                now).orElseThrow();
        assertThat(t.severity()).isEqualTo(Severity.GREEN);
        assertThat(t.level()).isEqualTo(CaseLevel.STREET);
    }

    @Test
    void theLevelIsAtLeastWhereTheCategoryRoutesTheNewSeverity() {
        // fire routes YELLOW to the district: one step up from the cell is not enough.
        Transition t = escalation.onDeadlinePassed(handling("fire", Severity.GREEN, CaseLevel.CELL), now).orElseThrow();
        assertThat(t.level()).isEqualTo(CaseLevel.DISTRICT);
    }

    @Test
    void theStepRunningIsTheOneThatGetsTheNewDeadline() {
        CaseSnapshot reported = CaseSnapshot.reported("c-3", "exposed_garbage", Severity.GREEN, CaseLevel.CELL,
                PATH.get(3), PATH, Reporter.worker("w-1"), at("2026-11-23T13:00"), deadline);
        Transition t = escalation.onDeadlinePassed(reported, now).orElseThrow();
        assertThat(t.note()).isEqualTo("register deadline passed");
        // YELLOW register: 30 working minutes.
        assertThat(t.deadline()).isEqualTo(at("2026-11-23T15:35"));
    }

    @Test
    void nothingHappensBeforeTheDeadlineOrWithoutARunningStep() {
        CaseSnapshot c = handling("exposed_garbage", Severity.GREEN, CaseLevel.CELL);
        assertThat(escalation.onDeadlinePassed(c, deadline - 1)).isEmpty();
        assertThat(escalation.onDeadlinePassed(c, deadline)).isPresent();
        assertThat(escalation.onDeadlinePassed(CaseFixtures.caseIn(CaseState.CLOSED, null), now)).isEmpty();
        assertThat(escalation.onDeadlinePassed(CaseFixtures.caseIn(CaseState.REFUSED, null), now)).isEmpty();
    }
}
