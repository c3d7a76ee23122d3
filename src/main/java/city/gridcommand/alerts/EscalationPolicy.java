package city.gridcommand.alerts;

import city.gridcommand.signal.Severity;
import java.util.List;
import java.util.Objects;

/**
 * 升级策略: an ordered chain of steps for the events of a category ({@code null}: any) at a severity
 * ({@code null}: any), run {@code repeat} rounds in all (1: once) before it is exhausted.
 */
public record EscalationPolicy(String id, String category, Severity severity, List<PolicyStep> steps, int repeat) {

    public EscalationPolicy {
        Objects.requireNonNull(id, "id");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("policy " + id + " has no steps");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("policy " + id + " must run at least one round, not " + repeat);
        }
    }

    /** Step {@code number}, counted from 1. */
    public PolicyStep step(int number) {
        return steps.get(number - 1);
    }

    /** How specific the policy is: category and severity 3, category 2, severity 1, neither 0. */
    int specificity() {
        return (category != null ? 2 : 0) + (severity != null ? 1 : 0);
    }

    boolean matches(String eventCategory, Severity eventSeverity) {
        return (category == null || category.equals(eventCategory))
                && (severity == null || severity == eventSeverity);
    }
}
