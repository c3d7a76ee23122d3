package city.gridcommand.sim;

import city.gridcommand.registry.Device;
import java.util.SplittableRandom;

/**
 * A fixed AI camera, with a snapshot link on every detection. On its own it makes isolated detections of
 * nothing in particular: mostly unsure ones (below the 0.7 rules use), now and then a confident false alarm
 * ({@link Calibration}). What it sees of a real incident in its cell comes through {@link #sighting}.
 */
final class CameraActor extends DeviceActor {

    static final long MEAN_INTERVAL_MILLIS = Calibration.BACKGROUND_DETECTION_MEAN_MINUTES * 60_000;
    static final String SNAPSHOT_BASE = "https://snapshots.example.org/";

    /**
     * The share of background detections that are confident: one a month per camera among its 48 a day,
     * (1/30) / (1,440 / 30) ≈ 0.0007, scaled by the intensity.
     */
    private final double confidentShare;

    CameraActor(Device device, SplittableRandom random, Intensity intensity) {
        super(device, random, random.nextLong(MEAN_INTERVAL_MILLIS), intensity);
        this.confidentShare = Calibration.CONFIDENT_FALSE_ALARMS_PER_CAMERA_PER_DAY * intensity.factor()
                / (Calibration.DAY_MILLIS / (double) MEAN_INTERVAL_MILLIS);
    }

    @Override
    long interval() {
        // Exponential gaps: background detections are a Poisson process.
        return 1 + (long) (-MEAN_INTERVAL_MILLIS * Math.log(1 - random.nextDouble()));
    }

    @Override
    CityMessage observe(long simMillis, long ts, long seq) {
        String kind = device.capabilities().get(random.nextInt(device.capabilities().size()));
        double share = kind.equals("fire") || kind.equals("smoke")
                ? confidentShare / Calibration.FIRE_FALSE_ALARM_DISCOUNT : confidentShare;
        boolean confident = random.nextDouble() < share;
        return detection(ts, seq, kind, confident);
    }

    /** A confident detection of an incident of {@code kind} the camera sees now; null while it is offline. */
    CityMessage sighting(String kind, long ts) {
        return offline() ? null : detection(ts, nextSeq(), kind, true);
    }

    private CityMessage detection(long ts, long seq, String kind, boolean confident) {
        double confidence = confident ? random.nextDouble(Calibration.CONFIDENT_LOW, Calibration.CONFIDENT_HIGH)
                : random.nextDouble(Calibration.UNSURE_LOW, Calibration.UNSURE_HIGH);
        String snapshot = SNAPSHOT_BASE + device.id() + "/" + seq + ".jpg";
        return Payloads.detection(device.id(), ts, seq, kind, Payloads.round(confidence, 2), snapshot);
    }
}
