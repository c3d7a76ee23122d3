package city.gridcommand.sim;

import java.util.SplittableRandom;

/**
 * How a sensor metric behaves: its everyday range and the range of an anomaly (a fire, a smog episode, a
 * flooded road, a night-time party), in the metric's usual unit, and how finely it is reported.
 */
enum MetricModel {
    /** Smoke obscuration, 0–1. */
    SMOKE("smoke", 0.005, 0.06, 0.35, 0.95, 3),
    /** Air temperature near the device, °C. */
    TEMP("temp", 22, 33, 45, 75, 1),
    /** Fine particulate matter, µg/m³ (GB 3095-2012 grade II daily limit: 75). */
    PM25("pm25", 8, 60, 150, 350, 0),
    /** Standing water on the road, m. */
    WATER_LEVEL("water_level", 0, 0.04, 0.15, 0.6, 3),
    /** Sound level, dB(A) (GB 3096-2008 class 4a daytime limit: 70). */
    NOISE("noise", 45, 70, 85, 105, 1);

    final String name;
    private final double low;
    private final double high;
    private final double anomalyLow;
    private final double anomalyHigh;
    private final int decimals;

    MetricModel(String name, double low, double high, double anomalyLow, double anomalyHigh, int decimals) {
        this.name = name;
        this.low = low;
        this.high = high;
        this.anomalyLow = anomalyLow;
        this.anomalyHigh = anomalyHigh;
        this.decimals = decimals;
    }

    /**
     * A reading: {@code level} in [0, 1] is where the sensor sits in its everyday range (it drifts slowly,
     * so consecutive readings look alike), jittered a little; during an anomaly a value in the anomaly range.
     */
    double read(double level, boolean anomaly, SplittableRandom random) {
        double value = anomaly ? random.nextDouble(anomalyLow, anomalyHigh)
                : low + (high - low) * clamp(level + random.nextDouble(-0.05, 0.05));
        return Payloads.round(value, decimals);
    }

    static MetricModel of(String name) {
        for (MetricModel model : values()) {
            if (model.name.equals(name)) {
                return model;
            }
        }
        throw new IllegalArgumentException("no model for metric " + name);
    }

    private static double clamp(double level) {
        return Math.max(0, Math.min(1, level));
    }
}
