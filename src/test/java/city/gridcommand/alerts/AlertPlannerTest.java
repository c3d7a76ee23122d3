package city.gridcommand.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.signal.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertPlannerTest {

    private final AlertPlanner planner = new AlertPlanner(Severity.YELLOW);

    @Test
    void aRaiseAtOrAboveTheThresholdAlertsAndOneBelowDoesNot() {
        assertThat(planner.plan(null, event(Severity.RED, "REPORTED", false, 0), true)).contains(AlertReason.RAISED);
        assertThat(planner.plan(null, event(Severity.YELLOW, "REPORTED", false, 0), true)).contains(AlertReason.RAISED);
        assertThat(planner.plan(null, event(Severity.GREEN, "REPORTED", false, 0), true)).isEmpty();
    }

    @Test
    void aSignalJoiningAnOpenEventAlertsNobody() {
        EventFacts now = event(Severity.RED, "REPORTED", false, 0);
        assertThat(planner.plan(now.memory(), now, false)).isEmpty();
    }

    @Test
    void aChangeOfAnEventNeverSeenAlertsNobody() {
        assertThat(planner.plan(null, event(Severity.RED, "REPORTED", true, 0), false)).isEmpty();
    }

    @Test
    void severityUpOverdueAndReworkAlert() {
        EventMemory yellow = event(Severity.YELLOW, "DISPATCHED", false, 0).memory();
        assertThat(planner.plan(yellow, event(Severity.RED, "DISPATCHED", false, 0), false))
                .contains(AlertReason.SEVERITY);
        assertThat(planner.plan(yellow, event(Severity.YELLOW, "DISPATCHED", true, 0), false))
                .contains(AlertReason.OVERDUE);
        assertThat(planner.plan(yellow, event(Severity.YELLOW, "DISPATCHED", false, 1), false))
                .contains(AlertReason.REOPENED);
        EventMemory overdue = event(Severity.YELLOW, "DISPATCHED", true, 0).memory();
        assertThat(planner.plan(overdue, event(Severity.YELLOW, "HANDLING", true, 0), false))
                .as("still overdue is not going overdue").isEmpty();
    }

    @Test
    void crossingTheThresholdUpwardsIsASeverityIncrease() {
        EventMemory green = event(Severity.GREEN, "REPORTED", false, 0).memory();
        assertThat(planner.plan(green, event(Severity.YELLOW, "REPORTED", false, 0), false))
                .contains(AlertReason.SEVERITY);
    }

    @Test
    void closingOrAFinalStateResolvesOnceAndBelowTheThresholdToo() {
        EventMemory open = event(Severity.GREEN, "HANDLING", false, 0).memory();
        assertThat(planner.plan(open, event(Severity.GREEN, "CLOSED", false, 0), false))
                .contains(AlertReason.RESOLVED);
        assertThat(planner.plan(open, event(Severity.RED, "CLEARED", false, 0), false))
                .contains(AlertReason.RESOLVED);
        EventMemory closed = event(Severity.RED, "CLOSED", false, 0).memory();
        assertThat(planner.plan(closed, event(Severity.RED, "EVALUATED", false, 0), false)).isEmpty();
        assertThat(planner.plan(null, event(Severity.RED, "REFUSED", false, 0), false)).isEmpty();
    }

    @Test
    void theThresholdIsASetting() {
        AlertPlanner redOnly = new AlertPlanner(Severity.RED);
        assertThat(redOnly.plan(null, event(Severity.YELLOW, "REPORTED", false, 0), true)).isEqualTo(Optional.empty());
    }

    static EventFacts event(Severity severity, String state, boolean overdue, int rework) {
        return new EventFacts("e-1", "440305001002005", List.of("440305", "440305001", "440305001002",
                "440305001002005"), "fire", severity, state, overdue, rework, "dept-fire",
                Map.of("source", "sensor", "id", "smk-1", "ts", 1L), 2L);
    }
}
