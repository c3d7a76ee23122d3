package city.gridcommand.rules;

import static city.gridcommand.rules.RuleFixtures.CELL_A;
import static city.gridcommand.rules.RuleFixtures.MINUTE;
import static city.gridcommand.rules.RuleFixtures.T0;
import static city.gridcommand.rules.RuleFixtures.position;
import static city.gridcommand.rules.RuleFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.rules.WorkerRule.Condition;
import city.gridcommand.signal.WorkerCellChange.Type;
import city.gridcommand.signal.WorkerCellChange;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerEvaluationTest {

    private static final WorkerRule LEFT = worker("worker-left", Condition.LEFT_ASSIGNED, null);
    private static final WorkerRule NO_POSITION = worker("worker-no-position", Condition.NO_POSITION,
            Duration.ofMinutes(30));

    @Test
    void leavingTheAssignedCellsRaisesInTheCellGivenWithTheWorkerAsSource() {
        WorkerCellChange change = new WorkerCellChange("w-1", T0, Type.LEFT_ASSIGNED, CELL_A.baseCell());

        EventTrigger trigger = WorkerEvaluation.onCellChange(LEFT, change, CELL_A, T0 + 7);

        assertThat(trigger.cell()).isEqualTo(CELL_A.baseCell());
        assertThat(trigger.source()).isEqualTo(new TriggerSource("worker", "w-1", null, T0));
        assertThat(trigger.category()).isEqualTo("worker_absent");
    }

    @Test
    void otherChangesAndChangesWithoutACellRaiseNothing() {
        WorkerCellChange entered = new WorkerCellChange("w-1", T0, Type.ENTERED, CELL_A.baseCell());
        WorkerCellChange left = new WorkerCellChange("w-1", T0, Type.LEFT_ASSIGNED, null);

        assertThat(WorkerEvaluation.onCellChange(LEFT, entered, CELL_A, T0)).isNull();
        assertThat(WorkerEvaluation.onCellChange(LEFT, left, CellLocation.OUTSIDE, T0)).isNull();
        assertThat(WorkerEvaluation.onCellChange(NO_POSITION, left, CELL_A, T0)).isNull();
    }

    @Test
    void noPositionForTheSetTimeRaisesOncePerEpisode() {
        SilenceState state = WorkerEvaluation.onPosition(NO_POSITION, null, position("w-1", T0), CELL_A, T0).state();

        assertThat(WorkerEvaluation.tick(NO_POSITION, state, T0 + 29 * MINUTE, Duty.ALWAYS).raised()).isFalse();
        Outcome<SilenceState> due = WorkerEvaluation.tick(NO_POSITION, state, T0 + 30 * MINUTE, Duty.ALWAYS);
        assertThat(due.trigger().source()).isEqualTo(new TriggerSource("worker", "w-1", T0 / 1000, T0));
        assertThat(WorkerEvaluation.tick(NO_POSITION, due.state(), T0 + 90 * MINUTE, Duty.ALWAYS).raised()).isFalse();

        SilenceState back = WorkerEvaluation.onPosition(NO_POSITION, due.state(), position("w-1", T0 + 95 * MINUTE),
                null, T0 + 95 * MINUTE).state();
        assertThat(WorkerEvaluation.tick(NO_POSITION, back, T0 + 125 * MINUTE, Duty.ALWAYS).raised()).isTrue();
    }

    @Test
    void offDutyNoPositionIsNoEvent() {
        SilenceState state = WorkerEvaluation.onPosition(NO_POSITION, null, position("w-1", T0), CELL_A, T0).state();

        assertThat(WorkerEvaluation.tick(NO_POSITION, state, T0 + 600 * MINUTE, new Duty(false, T0 + MINUTE))
                .raised()).isFalse();
    }
}
