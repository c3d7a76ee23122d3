package city.gridcommand.rules.runtime;

import city.gridcommand.event.EventTrigger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counter {@code grid.rules.raised} (tags {@code rule}, {@code category}): how often each rule fired
 * on this instance, i.e. emitted a trigger that went on to the write (the judge stage's triggers, and the
 * silence ticks' confirmed ones). A trigger that joins an open event of its cell and category counts as
 * the rule firing as much as one that raises a new event; how many new events each rule raised is
 * {@code GET /api/v1/stats/rules}, counted in the database. A redelivered message is judged, and counted,
 * again. Bounded: one counter per (rule, category) pair ever fired.
 */
@ApplicationScoped
public class RuleMetrics {

    public static final String RAISED = "grid.rules.raised";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    RuleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void fired(EventTrigger trigger) {
        counters.computeIfAbsent(trigger.ruleId() + '\u0000' + trigger.category(), key -> Counter.builder(RAISED)
                .description("Triggers emitted by a rule (a rule firing: raising a new event or joining an open one)")
                .tag("rule", trigger.ruleId())
                .tag("category", trigger.category())
                .register(registry)).increment();
    }
}
