package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.SourceKind;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerPosition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cells, signals and rules for the rules tests; times are plain epoch milliseconds from {@link #T0}. */
final class RuleFixtures {

    static final long T0 = 1_732_200_000_000L;
    static final long MINUTE = 60_000;
    static final CellLocation CELL_A = base("440305001002005");
    static final CellLocation CELL_B = base("440305001002006");
    private static final Position HERE = new Position(22.54, 113.93);

    private RuleFixtures() {
    }

    static CellLocation base(String code) {
        return new CellLocation(code, List.of(code.substring(0, 6), code.substring(0, 9), code.substring(0, 12), code),
                List.of(), List.of());
    }

    static Telemetry reading(String sensor, long ts, String metric, double value) {
        return new Telemetry(sensor, ts / 1000, ts, Map.of(metric, value), null, ts);
    }

    static Telemetry reading(String sensor, long ts, Map<String, Double> metrics) {
        return new Telemetry(sensor, ts / 1000, ts, metrics, null, ts);
    }

    static Detection detection(String camera, long ts, String kind, double confidence) {
        return new Detection(camera, ts / 1000, ts, kind, true, confidence, null, null, ts);
    }

    static WorkerPosition position(String worker, long ts) {
        return new WorkerPosition(worker, ts / 1000, ts, HERE, 5.0, 0.8, ts);
    }

    static DeviceStatus status(String device, long ts, boolean online) {
        return new DeviceStatus(device, ts, online, ts);
    }

    static ThresholdRule threshold(String id, String metric, Comparison op, double value, double clearAt,
            Duration sustainFor) {
        return new ThresholdRule(id, id, null, "fire", Severity.YELLOW, "dept-fire", true, metric, op, value, clearAt,
                sustainFor, null, null);
    }

    static DetectionRule detectionRule(String id, String category, double minConfidence, String... kinds) {
        return new DetectionRule(id, id, null, category, Severity.YELLOW, "dept-fire", true, Set.of(kinds),
                minConfidence);
    }

    /** A detection rule of category {@code category} for {@code kinds} at confidence 0.7 that confirms and cools down. */
    static DetectionRule confirmedRule(String id, String category, int detections, Duration within,
            boolean orSecondSource, Duration cooldown, String... kinds) {
        return new DetectionRule(id, id, null, category, Severity.YELLOW, "dept-urban", true, Set.of(kinds), 0.7,
                new DetectionRule.Confirmation(detections, within, orSecondSource), cooldown, null);
    }

    static SilenceRule silence(String id, Duration silentFor, boolean onOffline, SourceKind... senders) {
        return new SilenceRule(id, id, null, "device_fault", Severity.GREEN, "dept-ops", true, Set.of(senders),
                silentFor, onOffline);
    }

    static WorkerRule worker(String id, WorkerRule.Condition condition, Duration silentFor) {
        return new WorkerRule(id, id, null, "worker_absent", Severity.GREEN, "dept-urban", true, condition,
                silentFor);
    }

    static CompositeRule composite(String id, CompositeRule.Distinct distinct, int atLeast, Duration window,
            String... categories) {
        return new CompositeRule(id, id, null, "fire", Severity.RED, "dept-fire", true, Set.of(categories), distinct,
                atLeast, window);
    }

    /** A trigger of another rule, as a composite sees it. */
    static EventTrigger trigger(String category, String kind, String id, CellLocation at, long now) {
        return new EventTrigger("r-" + kind, category, Severity.YELLOW, "dept-fire", at.baseCell(), at.path(),
                new TriggerSource(kind, id, 1L, now - 1000), now);
    }
}
