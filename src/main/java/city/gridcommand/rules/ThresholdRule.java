package city.gridcommand.rules;

import city.gridcommand.signal.Severity;
import city.gridcommand.signal.Telemetry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Raises when a sensor's {@code metric} meets {@code operator value} for at least {@code sustainFor}
 * (zero: at once), then not again for that sensor until the metric crosses back past {@code clearAt}
 * (hysteresis). {@code devicePrefix} and {@code capability} (both may be null) narrow it to sensors whose
 * id starts with the prefix, or whose reading also carries the metric named by {@code capability} (a
 * sensor's capabilities are the metrics it reports, e.g. temperature on smoke detectors only).
 */
public record ThresholdRule(String id, String name, String description, String category, Severity severity,
        String department, boolean enabled, String metric, Comparison operator, double value, double clearAt,
        Duration sustainFor, String devicePrefix, String capability) implements Rule {

    public static final String TYPE = "threshold";

    public ThresholdRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        sustainFor = sustainFor == null ? Duration.ZERO : sustainFor;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Whether this rule watches the sensor that sent {@code reading}. */
    public boolean appliesTo(Telemetry reading) {
        return appliesTo(reading.senderId(), reading.metrics());
    }

    /** Whether this rule watches {@code sensor}, whose reading carries {@code metrics}. */
    public boolean appliesTo(String sensor, Map<String, Double> metrics) {
        return (devicePrefix == null || sensor.startsWith(devicePrefix))
                && (capability == null || metrics.containsKey(capability));
    }
}
