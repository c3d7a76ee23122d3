package city.gridcommand.rules;

import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Severity;
import java.util.Objects;
import java.util.Set;

/** Raises for every camera detection of one of {@code kinds} with at least {@code minConfidence}. */
public record DetectionRule(String id, String name, String description, String category, Severity severity,
        String department, boolean enabled, Set<String> kinds, double minConfidence) implements Rule {

    public static final String TYPE = "detection";

    public DetectionRule {
        Objects.requireNonNull(id, "id");
        kinds = Set.copyOf(kinds);
    }

    @Override
    public String type() {
        return TYPE;
    }

    public boolean matches(Detection detection) {
        return kinds.contains(detection.kind()) && detection.confidence() >= minConfidence;
    }
}
