package city.gridcommand.alerts;

import city.gridcommand.signal.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The escalation policies in force, replaced whole. */
public record PolicySet(List<EscalationPolicy> policies) {

    public PolicySet {
        policies = List.copyOf(policies);
    }

    /**
     * The policy for an event of {@code category} at {@code severity}: the most specific that matches (category
     * and severity, then the category at any severity, then the severity of any category, then one for all);
     * empty when none does (the event alerts nobody).
     */
    public Optional<EscalationPolicy> policyFor(String category, Severity severity) {
        return policies.stream().filter(p -> p.matches(category, severity))
                .max(Comparator.comparingInt(EscalationPolicy::specificity));
    }

    public Optional<EscalationPolicy> byId(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
