package city.gridcommand.sim;

import city.gridcommand.registry.Device;
import java.util.SplittableRandom;

/**
 * A fixed AI camera: a detection of one of its kinds every ten minutes or so (at random, as scenes happen),
 * with a snapshot link. A quarter of the detections are unsure, below the thresholds rules typically use,
 * as a real model's false alarms are.
 */
final class CameraActor extends DeviceActor {

    static final long MEAN_INTERVAL_MILLIS = 10 * 60_000;
    static final double UNSURE_SHARE = 0.25;
    static final String SNAPSHOT_BASE = "https://snapshots.example.org/";

    CameraActor(Device device, SplittableRandom random) {
        super(device, random, random.nextLong(MEAN_INTERVAL_MILLIS));
    }

    @Override
    long interval() {
        // Exponential gaps: detections are a Poisson process.
        return 1 + (long) (-MEAN_INTERVAL_MILLIS * Math.log(1 - random.nextDouble()));
    }

    @Override
    CityMessage observe(long simMillis, long ts, long seq) {
        String kind = device.capabilities().get(random.nextInt(device.capabilities().size()));
        double confidence = random.nextDouble() < UNSURE_SHARE ? random.nextDouble(0.25, 0.6)
                : random.nextDouble(0.7, 0.99);
        String snapshot = SNAPSHOT_BASE + device.id() + "/" + seq + ".jpg";
        return Payloads.detection(device.id(), ts, seq, kind, Payloads.round(confidence, 2), snapshot);
    }
}
