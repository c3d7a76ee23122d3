package city.gridcommand.rules;

import static city.gridcommand.rules.RuleFixtures.CELL_A;
import static city.gridcommand.rules.RuleFixtures.MINUTE;
import static city.gridcommand.rules.RuleFixtures.T0;
import static city.gridcommand.rules.RuleFixtures.reading;
import static city.gridcommand.rules.RuleFixtures.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdEvaluationTest {

    private static final ThresholdRule SMOKE = threshold("smoke-high", "smoke", Comparison.GT, 0.5, 0.3, Duration.ZERO);

    /** Runs readings (ts, value) through a rule from no state; returns the trigger (or null) of each. */
    private static List<EventTrigger> run(ThresholdRule rule, CellLocation at, double[][] readings) {
        ThresholdEvaluation.State state = null;
        List<EventTrigger> triggers = new ArrayList<>();
        for (double[] r : readings) {
            Telemetry t = reading("smk-1", (long) r[0], rule.metric(), r[1]);
            Outcome<ThresholdEvaluation.State> outcome = ThresholdEvaluation.evaluate(rule, state,
                    t, at, (long) r[0] + 5);
            state = outcome.state();
            triggers.add(outcome.trigger());
        }
        return triggers;
    }

    private static boolean[] raised(List<EventTrigger> triggers) {
        boolean[] raised = new boolean[triggers.size()];
        for (int i = 0; i < raised.length; i++) {
            raised[i] = triggers.get(i) != null;
        }
        return raised;
    }

    @Test
    void raisesAtOnceWithTheCellTheRuleAndTheSource() {
        EventTrigger trigger = run(SMOKE, CELL_A, new double[][] {{T0, 0.62}}).get(0);

        assertThat(trigger).isEqualTo(new EventTrigger("smoke-high", "fire", Severity.YELLOW, "dept-fire",
                "440305001002005", List.of("440305", "440305001", "440305001002", "440305001002005"),
                new TriggerSource("sensor", "smk-1", T0 / 1000, T0), T0 + 5));
    }

    @Test
    void valueOnTheThresholdDoesNotMeetAStrictOperator() {
        assertThat(raised(run(SMOKE, CELL_A, new double[][] {{T0, 0.5}}))).containsExactly(false);
    }

    @Test
    void staysRaisedUntilTheMetricCrossesBackPastClearAtThenRaisesAgain() {
        List<EventTrigger> triggers = run(SMOKE, CELL_A, new double[][] {
            {T0, 0.6}, {T0 + MINUTE, 0.7}, {T0 + 2 * MINUTE, 0.4}, {T0 + 3 * MINUTE, 0.6}, // dips, not past 0.3
            {T0 + 4 * MINUTE, 0.29}, {T0 + 5 * MINUTE, 0.6}});

        assertThat(raised(triggers)).containsExactly(true, false, false, false, false, true);
    }

    @Test
    void sustainedConditionRaisesOnlyOnceItHasHeldLongEnough() {
        ThresholdRule rule = threshold("pm25", "pm25", Comparison.GT, 150, 115, Duration.ofMinutes(3));

        List<EventTrigger> triggers = run(rule, CELL_A, new double[][] {
            {T0, 200}, {T0 + MINUTE, 210}, {T0 + 2 * MINUTE, 220}, {T0 + 3 * MINUTE, 230}, {T0 + 4 * MINUTE, 240}});

        assertThat(raised(triggers)).containsExactly(false, false, false, true, false);
    }

    @Test
    void aBreakInTheConditionRestartsTheSustainClock() {
        ThresholdRule rule = threshold("pm25", "pm25", Comparison.GT, 150, 115, Duration.ofMinutes(2));

        List<EventTrigger> triggers = run(rule, CELL_A, new double[][] {
            {T0, 200}, {T0 + MINUTE, 140}, {T0 + 2 * MINUTE, 200}, {T0 + 3 * MINUTE, 200}, {T0 + 4 * MINUTE, 200}});

        assertThat(raised(triggers)).containsExactly(false, false, false, false, true);
    }

    @Test
    void lowerThanRulesRaiseBelowAndClearAbove() {
        ThresholdRule rule = threshold("battery-low", "battery", Comparison.LE, 0.1, 0.2, Duration.ZERO);

        List<EventTrigger> triggers = run(rule, CELL_A, new double[][] {
            {T0, 0.1}, {T0 + MINUTE, 0.15}, {T0 + 2 * MINUTE, 0.05}, {T0 + 3 * MINUTE, 0.25}, {T0 + 4 * MINUTE, 0.1}});

        assertThat(raised(triggers)).containsExactly(true, false, false, false, true);
    }

    @Test
    void aLateReadingOlderThanTheNewestChangesNothing() {
        Outcome<ThresholdEvaluation.State> high = ThresholdEvaluation.evaluate(SMOKE, null,
                reading("smk-1", T0 + MINUTE, "smoke", 0.9), CELL_A, T0 + MINUTE);
        Outcome<ThresholdEvaluation.State> late = ThresholdEvaluation.evaluate(SMOKE, high.state(),
                reading("smk-1", T0, "smoke", 0.0), CELL_A, T0 + MINUTE);
        Outcome<ThresholdEvaluation.State> next = ThresholdEvaluation.evaluate(SMOKE, late.state(),
                reading("smk-1", T0 + 2 * MINUTE, "smoke", 0.9), CELL_A, T0 + 2 * MINUTE);

        assertThat(late.state()).isSameAs(high.state());
        assertThat(next.raised()).as("the late low reading did not clear the episode").isFalse();
    }

    @Test
    void noCellNoTriggerButTheEpisodeIsRaisedOnceTheSensorIsInACell() {
        List<EventTrigger> outside = run(SMOKE, CellLocation.OUTSIDE, new double[][] {{T0, 0.9}, {T0 + MINUTE, 0.9}});
        assertThat(raised(outside)).containsExactly(false, false);

        Outcome<ThresholdEvaluation.State> unplaced = ThresholdEvaluation.evaluate(SMOKE, null,
                reading("smk-1", T0, "smoke", 0.9), null, T0);
        Outcome<ThresholdEvaluation.State> placed = ThresholdEvaluation.evaluate(SMOKE, unplaced.state(),
                reading("smk-1", T0 + MINUTE, "smoke", 0.9), CELL_A, T0 + MINUTE);
        assertThat(unplaced.raised()).isFalse();
        assertThat(placed.raised()).isTrue();
    }

    @Test
    void readingsWithoutTheMetricChangeNothing() {
        Outcome<ThresholdEvaluation.State> outcome = ThresholdEvaluation.evaluate(SMOKE, null,
                reading("smk-1", T0, "temp", 99), CELL_A, T0);

        assertThat(outcome.state()).isNull();
        assertThat(outcome.raised()).isFalse();
    }

    @Test
    void devicePrefixAndCapabilityNarrowTheSensorsWatched() {
        ThresholdRule heat = new ThresholdRule("heat", "heat", null, "fire", Severity.YELLOW, "dept-fire", true,
                "temp", Comparison.GE, 57, 45, Duration.ZERO, null, "smoke");
        ThresholdRule onlySmk = new ThresholdRule("heat2", "heat", null, "fire", Severity.YELLOW, "dept-fire", true,
                "temp", Comparison.GE, 57, 45, Duration.ZERO, "smk-", null);
        Telemetry smokeDetector = reading("smk-1", T0, Map.of("temp", 60.0, "smoke", 0.1));
        Telemetry airMonitor = reading("aqm-1", T0, Map.of("temp", 60.0, "pm25", 20.0));

        assertThat(ThresholdEvaluation.evaluate(heat, null, smokeDetector, CELL_A, T0).raised()).isTrue();
        assertThat(ThresholdEvaluation.evaluate(heat, null, airMonitor, CELL_A, T0).raised()).isFalse();
        assertThat(ThresholdEvaluation.evaluate(onlySmk, null, smokeDetector, CELL_A, T0).raised()).isTrue();
        assertThat(ThresholdEvaluation.evaluate(onlySmk, null, airMonitor, CELL_A, T0).raised()).isFalse();
    }
}
