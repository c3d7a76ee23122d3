package city.gridcommand.rules;

import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Telemetry;

/** Evaluates a threshold rule for one sensor's readings: the sustain clock, then the hysteresis. */
public final class ThresholdEvaluation {

    /** {@link State#holdingSince} when the condition does not hold. */
    public static final long NOT_HOLDING = Long.MIN_VALUE;

    /**
     * Per (rule, sensor): since when (sensor time) the condition has held, whether this episode has
     * been raised, and the newest reading's time, so a late reading cannot undo a newer one.
     */
    public record State(long holdingSince, boolean raised, long lastTs) {
    }

    private ThresholdEvaluation() {
    }

    /**
     * The next state and trigger after {@code reading}, placed {@code at} (null or outside: no trigger;
     * the episode is raised once the sensor is in a cell). Readings without the metric, from sensors the
     * rule does not watch, or older than the newest seen change nothing. Sustain is measured on the
     * sensor's own timestamps, so a backlog delivered in one burst is judged as it happened.
     */
    public static Outcome<State> evaluate(ThresholdRule rule, State state, Telemetry reading, CellLocation at,
            long now) {
        Double value = reading.metrics().get(rule.metric());
        if (value == null || !rule.appliesTo(reading) || (state != null && reading.ts() < state.lastTs())) {
            return Outcome.of(state);
        }
        long ts = reading.ts();
        if (state != null && state.raised()) {
            boolean cleared = rule.operator().cleared(value, rule.clearAt());
            return Outcome.of(cleared ? new State(NOT_HOLDING, false, ts) : new State(state.holdingSince(), true, ts));
        }
        if (!rule.operator().holds(value, rule.value())) {
            return Outcome.of(new State(NOT_HOLDING, false, ts));
        }
        long since = state == null || state.holdingSince() == NOT_HOLDING ? ts : state.holdingSince();
        if (ts - since < rule.sustainFor().toMillis() || !RuleTriggers.placed(at)) {
            return Outcome.of(new State(since, false, ts));
        }
        return new Outcome<>(new State(since, true, ts), RuleTriggers.of(rule, at, TriggerSource.of(reading), now));
    }
}
