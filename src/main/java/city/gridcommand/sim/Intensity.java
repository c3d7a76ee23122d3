package city.gridcommand.sim;

import java.util.Locale;

/**
 * How eventful the simulated city is: a factor on the rates of everything that goes wrong (incidents seen
 * by cameras and sensors, isolated false alarms, workers' reports, device outages), never on the
 * heartbeat (sensor readings, position fixes), so city time runs as fast at every intensity.
 * {@link #NORMAL} is a real city's day as {@link Calibration} documents it.
 */
public enum Intensity {
    /** A quiet day, for a demo that should not distract: 0.3 times a real day. */
    CALM(0.3),
    /** A real city's day. */
    NORMAL(1),
    /** A bad day (a storm, a festival) and load: five times a real day. */
    STORM(5);

    private final double factor;

    Intensity(double factor) {
        this.factor = factor;
    }

    /** The factor on the rates of a real day. */
    public double factor() {
        return factor;
    }

    /** The option's spelling: calm, normal, storm. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The intensity spelled {@code text} (case-insensitive). */
    public static Intensity parse(String text) {
        for (Intensity intensity : values()) {
            if (intensity.label().equalsIgnoreCase(text.trim())) {
                return intensity;
            }
        }
        throw new IllegalArgumentException("--intensity must be calm, normal or storm, not '" + text + "'");
    }
}
