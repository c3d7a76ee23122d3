package city.gridcommand.rules;

import city.gridcommand.signal.Severity;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Raises {@code category} at {@code severity} in a cell when triggers of the other (non-composite) rules
 * of {@code categories} (empty: any) have come, within {@code window}, from at least {@code atLeast}
 * distinct sources (kind and id) or distinct source kinds, as {@code distinct} says. A smoke sensor and a
 * fire camera in one cell within ten minutes confirm each other: fire, RED.
 */
public record CompositeRule(String id, String name, String description, String category, Severity severity,
        String department, boolean enabled, Set<String> categories, Distinct distinct, int atLeast,
        Duration window) implements Rule {

    public static final String TYPE = "composite";

    /** What must differ between the triggers counted. */
    public enum Distinct {
        /** Different senders (kind and id): two smoke sensors count twice, one sensor twice counts once. */
        SOURCES,
        /** Different kinds of sender: a sensor and a camera count twice, two sensors once. */
        KINDS;

        private final String wireName = name().toLowerCase(Locale.ROOT);

        public String wireName() {
            return wireName;
        }

        public static Distinct fromWire(String name) {
            for (Distinct distinct : values()) {
                if (distinct.wireName.equals(name)) {
                    return distinct;
                }
            }
            return null;
        }
    }

    public CompositeRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(distinct, "distinct");
        Objects.requireNonNull(window, "window");
        categories = Set.copyOf(categories);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Whether a trigger of {@code triggerCategory} counts towards this rule. */
    public boolean counts(String triggerCategory) {
        return categories.isEmpty() || categories.contains(triggerCategory);
    }
}
