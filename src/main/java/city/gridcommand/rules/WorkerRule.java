package city.gridcommand.rules;

import city.gridcommand.signal.Severity;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A grid-worker rule: {@link Condition#LEFT_ASSIGNED} raises when a worker leaves their assigned cells
 * during duty hours (decided upstream); {@link Condition#NO_POSITION} raises once per episode when a
 * worker's terminal has sent no position for {@code silentFor} during duty hours.
 */
public record WorkerRule(String id, String name, String description, String category, Severity severity,
        String department, boolean enabled, Condition condition, Duration silentFor) implements Rule {

    public static final String TYPE = "worker";

    /** What the rule watches for. */
    public enum Condition {
        LEFT_ASSIGNED, NO_POSITION;

        private final String wireName = name().toLowerCase(Locale.ROOT);

        public String wireName() {
            return wireName;
        }

        public static Condition fromWire(String name) {
            for (Condition condition : values()) {
                if (condition.wireName.equals(name)) {
                    return condition;
                }
            }
            return null;
        }
    }

    public WorkerRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
