package city.gridcommand.rules;

import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Severity;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Raises for camera detections of one of {@code kinds} with at least {@code minConfidence}: at once for
 * every one of them, unless the rule asks for a {@linkplain Confirmation confirmation} (k detections from
 * the same camera within a window, or a second source in the cell) or a per-camera {@code cooldown} (after
 * a raise, the camera raises again for this rule only once the cooldown has passed). Both may be null:
 * today's behaviour, every matching detection is a trigger. With {@code clearAfter}, an event the rule
 * raised that nobody has registered yet clears once none of its cameras has seen a matching detection for
 * that long (null: it never clears by itself).
 */
public record DetectionRule(String id, String name, String description, String category, Severity severity,
        String department, boolean enabled, Set<String> kinds, double minConfidence, Confirmation confirm,
        Duration cooldown, Duration clearAfter) implements Rule {

    public static final String TYPE = "detection";

    /**
     * Raise only at the {@code detections}-th matching detection of the same camera within {@code within}
     * (at least 1; 1 = every detection); with {@code orSecondSource}, raise at once when another source
     * (another camera, a sensor's or a worker's trigger or report of the rule's category) has signalled the
     * same cell within {@code within}.
     */
    public record Confirmation(int detections, Duration within, boolean orSecondSource) {

        public Confirmation {
            Objects.requireNonNull(within, "within");
            if (detections < 1 || within.isNegative() || within.isZero()) {
                throw new IllegalArgumentException("detections must be at least 1 and within positive");
            }
        }
    }

    public DetectionRule {
        Objects.requireNonNull(id, "id");
        kinds = Set.copyOf(kinds);
        if (cooldown != null && (cooldown.isNegative() || cooldown.isZero())) {
            throw new IllegalArgumentException("cooldown must be positive");
        }
        if (clearAfter != null && (clearAfter.isNegative() || clearAfter.isZero())) {
            throw new IllegalArgumentException("clearAfter must be positive");
        }
    }

    /** A rule that raises for every matching detection: no confirmation, no cooldown, never clears by itself. */
    public DetectionRule(String id, String name, String description, String category, Severity severity,
            String department, boolean enabled, Set<String> kinds, double minConfidence) {
        this(id, name, description, category, severity, department, enabled, kinds, minConfidence, null, null, null);
    }

    @Override
    public String type() {
        return TYPE;
    }

    public boolean matches(Detection detection) {
        return kinds.contains(detection.kind()) && detection.confidence() >= minConfidence;
    }

    /** Whether the rule keeps per-camera state: it waits for more than one detection, or cools down. */
    public boolean stateful() {
        return cooldown != null || (confirm != null && confirm.detections() > 1);
    }

    /** Whether the rule listens for a second source in the cell (only meaningful when it waits for more than one). */
    public boolean watchesSecondSource() {
        return confirm != null && confirm.orSecondSource() && confirm.detections() > 1;
    }
}
