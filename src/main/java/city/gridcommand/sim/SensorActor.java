package city.gridcommand.sim;

import city.gridcommand.registry.Device;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed sensor: a reading of all its metrics about once a minute, without lat/lon (the service uses the
 * registered position). Each metric drifts slowly in its everyday range, which lies below every default
 * rule's {@code clearAt}; while an incident in its cell drives some of its metrics (an {@link #excursion}),
 * they read in their anomaly range, and when it ends they are back in the everyday range, so the rule clears.
 */
final class SensorActor extends DeviceActor {

    static final long INTERVAL_MILLIS = 60_000;

    private final List<MetricModel> metrics;
    private final double[] levels;
    private final long[] anomalousUntil;

    SensorActor(Device device, SplittableRandom random, Intensity intensity) {
        super(device, random, random.nextLong(INTERVAL_MILLIS), intensity);
        this.metrics = device.capabilities().stream().map(MetricModel::of).toList();
        this.levels = new double[metrics.size()];
        this.anomalousUntil = new long[metrics.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = random.nextDouble(0.2, 0.6);
        }
    }

    /** From now until {@code untilMillis} (simulated) the named metrics it has read in their anomaly range. */
    void excursion(List<String> metricNames, long untilMillis) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metricNames.contains(metrics.get(i).name)) {
                anomalousUntil[i] = Math.max(anomalousUntil[i], untilMillis);
            }
        }
    }

    @Override
    long interval() {
        return INTERVAL_MILLIS + random.nextLong(-INTERVAL_MILLIS / 10, INTERVAL_MILLIS / 10);
    }

    @Override
    CityMessage observe(long simMillis, long ts, long seq) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            levels[i] = Math.max(0, Math.min(1, levels[i] + random.nextDouble(-0.03, 0.03)));
            values.put(metrics.get(i).name, metrics.get(i).read(levels[i], simMillis < anomalousUntil[i], random));
        }
        return Payloads.telemetry(device.id(), ts, seq, values);
    }
}
