package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.SourceKind;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.rules.WorkerRule.Condition;
import city.gridcommand.signal.WorkerCellChange;
import city.gridcommand.signal.WorkerPosition;

/** Evaluates the grid-worker rules: leaving the assigned cells, and positions that stop coming. */
public final class WorkerEvaluation {

    private WorkerEvaluation() {
    }

    /**
     * The trigger for a worker who left their assigned cells, raised in the cell {@code at} (where they
     * are now, or their last known cell when they left the grid); null for other changes or no cell.
     */
    public static EventTrigger onCellChange(WorkerRule rule, WorkerCellChange change, CellLocation at, long now) {
        if (rule.condition() != Condition.LEFT_ASSIGNED || change.type() != WorkerCellChange.Type.LEFT_ASSIGNED
                || !RuleTriggers.placed(at)) {
            return null;
        }
        TriggerSource source = new TriggerSource(SourceKind.WORKER.wireName(), change.workerId(), null, change.ts());
        return RuleTriggers.of(rule, at, source, now);
    }

    /** The next no-position state after a position: the episode ends, the rule re-arms. */
    public static Outcome<SilenceState> onPosition(WorkerRule rule, SilenceState state, WorkerPosition position,
            CellLocation at, long now) {
        if (rule.condition() != Condition.NO_POSITION) {
            return Outcome.of(state);
        }
        return Outcome.of(SilenceEvaluation.seen(state, SourceKind.WORKER, TriggerSource.of(position), at, now));
    }

    /** The next no-position state after a tick: raises once when no position came for {@code silentFor} on duty. */
    public static Outcome<SilenceState> tick(WorkerRule rule, SilenceState state, long now, Duty duty) {
        if (rule.condition() != Condition.NO_POSITION) {
            return Outcome.of(state);
        }
        return SilenceEvaluation.tick(rule, rule.silentFor(), state, now, duty);
    }
}
