package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The time limit (办理时限) of each step, by category and severity: a category's own limits where it has
 * them, the default limits otherwise. The catalogue file builds one; tests build short ones in code.
 */
public final class DeadlineTable {

    private final Map<Severity, Map<DeadlineStep, StepLimit>> defaults;
    private final Map<String, Map<Severity, Map<DeadlineStep, StepLimit>>> byCategory;

    private DeadlineTable(Builder builder) {
        this.defaults = copy(builder.defaults);
        Map<String, Map<Severity, Map<DeadlineStep, StepLimit>>> categories = new HashMap<>();
        builder.byCategory.forEach((code, limits) -> categories.put(code, copy(limits)));
        this.byCategory = Map.copyOf(categories);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same limit for every step, severity and category: handy for integration tests. */
    public static DeadlineTable uniform(StepLimit limit) {
        Builder builder = builder();
        for (Severity severity : Severity.values()) {
            for (DeadlineStep step : DeadlineStep.values()) {
                builder.defaultLimit(severity, step, limit);
            }
        }
        return builder.build();
    }

    /** The limit for a step of a case of this category and severity. */
    public StepLimit limit(String category, Severity severity, DeadlineStep step) {
        Map<Severity, Map<DeadlineStep, StepLimit>> own = byCategory.get(category);
        StepLimit limit = own == null ? null : own.getOrDefault(severity, Map.of()).get(step);
        return limit != null ? limit : defaults.get(severity).get(step);
    }

    /** Whether this category has a limit of its own for the step (rather than the default). */
    public boolean hasOwnLimit(String category, Severity severity, DeadlineStep step) {
        return byCategory.getOrDefault(category, Map.of()).getOrDefault(severity, Map.of()).containsKey(step);
    }

    private static Map<Severity, Map<DeadlineStep, StepLimit>> copy(Map<Severity, Map<DeadlineStep, StepLimit>> in) {
        Map<Severity, Map<DeadlineStep, StepLimit>> out = new EnumMap<>(Severity.class);
        in.forEach((severity, steps) -> out.put(severity, Map.copyOf(steps)));
        return out;
    }

    /** Collects limits; {@link #build()} insists on a default for every severity and step. */
    public static final class Builder {

        private final Map<Severity, Map<DeadlineStep, StepLimit>> defaults = new EnumMap<>(Severity.class);
        private final Map<String, Map<Severity, Map<DeadlineStep, StepLimit>>> byCategory = new HashMap<>();

        private Builder() {
        }

        public Builder defaultLimit(Severity severity, DeadlineStep step, StepLimit limit) {
            defaults.computeIfAbsent(severity, s -> new EnumMap<>(DeadlineStep.class)).put(step, limit);
            return this;
        }

        public Builder limit(String category, Severity severity, DeadlineStep step, StepLimit limit) {
            byCategory.computeIfAbsent(category, c -> new EnumMap<>(Severity.class))
                    .computeIfAbsent(severity, s -> new EnumMap<>(DeadlineStep.class)).put(step, limit);
            return this;
        }

        public DeadlineTable build() {
            for (Severity severity : Severity.values()) {
                for (DeadlineStep step : DeadlineStep.values()) {
                    if (defaults.getOrDefault(severity, Map.of()).get(step) == null) {
                        throw new IllegalArgumentException("no default limit for " + severity + " "
                                + step.wireName());
                    }
                }
            }
            return new DeadlineTable(this);
        }
    }
}
