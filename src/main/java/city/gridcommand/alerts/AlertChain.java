package city.gridcommand.alerts;

import city.gridcommand.signal.Severity;
import java.util.Optional;

/**
 * The chain's step machine: after a step's wait with no ack the chain moves to the next step, after the last
 * step to the first of the next round, and after the last step of the last round it is exhausted.
 */
public final class AlertChain {

    private AlertChain() {
    }

    /** Where the chain goes after {@code at}; empty: exhausted. */
    public static Optional<ChainPosition> next(EscalationPolicy policy, ChainPosition at) {
        if (at.step() < policy.steps().size()) {
            return Optional.of(new ChainPosition(at.step() + 1, at.round()));
        }
        if (at.round() < policy.repeat()) {
            return Optional.of(new ChainPosition(1, at.round() + 1));
        }
        return Optional.empty();
    }

    /** When the chain, at {@code at} since {@code since} (epoch ms), moves on unless someone acks. */
    public static long nextStepAt(EscalationPolicy policy, ChainPosition at, Severity severity,
            AckDeadlines deadlines, long since) {
        return since + policy.step(at.step()).waitOr(deadlines.of(severity)).toMillis();
    }

    /** The time by which a person alerted at {@code at} is asked to ack: the end of the step's wait. */
    public static long ackBy(EscalationPolicy policy, ChainPosition at, Severity severity, AckDeadlines deadlines,
            long since) {
        return nextStepAt(policy, at, severity, deadlines, since);
    }
}
