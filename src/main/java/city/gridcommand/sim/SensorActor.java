package city.gridcommand.sim;

import city.gridcommand.registry.Device;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed sensor: a reading of all its metrics about once a minute, without lat/lon (the service uses the
 * registered position). Each metric drifts slowly in its everyday range; now and then an anomaly episode
 * (a smoke spike with its heat, a flood) lasts a few readings.
 */
final class SensorActor extends DeviceActor {

    static final long INTERVAL_MILLIS = 60_000;
    /** Chance per reading that an anomaly episode starts: a few per day across a thousand sensors. */
    static final double ANOMALY_CHANCE = 1.0 / 2_000;
    private static final int MAX_ANOMALY_READINGS = 6;

    private final List<MetricModel> metrics;
    private final double[] levels;
    private int anomalyReadingsLeft;

    SensorActor(Device device, SplittableRandom random) {
        super(device, random, random.nextLong(INTERVAL_MILLIS));
        this.metrics = device.capabilities().stream().map(MetricModel::of).toList();
        this.levels = new double[metrics.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = random.nextDouble(0.2, 0.6);
        }
    }

    @Override
    long interval() {
        return INTERVAL_MILLIS + random.nextLong(-INTERVAL_MILLIS / 10, INTERVAL_MILLIS / 10);
    }

    @Override
    CityMessage observe(long simMillis, long ts, long seq) {
        if (anomalyReadingsLeft > 0) {
            anomalyReadingsLeft--;
        } else if (random.nextDouble() < ANOMALY_CHANCE) {
            anomalyReadingsLeft = random.nextInt(2, MAX_ANOMALY_READINGS + 1);
        }
        boolean anomaly = anomalyReadingsLeft > 0;
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            levels[i] = Math.max(0, Math.min(1, levels[i] + random.nextDouble(-0.03, 0.03)));
            values.put(metrics.get(i).name, metrics.get(i).read(levels[i], anomaly, random));
        }
        return Payloads.telemetry(device.id(), ts, seq, values);
    }
}
