package city.gridcommand.sim;

import city.gridcommand.registry.Device;
import java.util.SplittableRandom;

/**
 * A device's life common to sensors and cameras: it now and then drops off the network for a while
 * ({@link Calibration#OUTAGES_PER_DEVICE_PER_DAY}, scaled by the intensity), announcing it on its status
 * topic (as its last will would) and again when it is back, and sends nothing in between.
 */
abstract class DeviceActor implements Actor {

    protected final Device device;
    protected final SplittableRandom random;
    private final double outagesPerDay;
    private long seq;
    private boolean offline;
    private long nextAt;
    private long nextOutageAt;

    DeviceActor(Device device, SplittableRandom random, long firstAt, Intensity intensity) {
        this.device = device;
        this.random = random;
        this.nextAt = firstAt;
        this.outagesPerDay = Calibration.OUTAGES_PER_DEVICE_PER_DAY * intensity.factor();
        this.nextOutageAt = Calibration.poissonGap(outagesPerDay, random);
    }

    @Override
    public final long nextAt() {
        return nextAt;
    }

    @Override
    public final CityMessage act(long simMillis, long ts) {
        if (offline) {
            offline = false;
            nextAt = simMillis + interval();
            nextOutageAt = simMillis + Calibration.poissonGap(outagesPerDay, random);
            return Payloads.status(device.id(), ts, ++seq, true);
        }
        if (simMillis >= nextOutageAt) {
            offline = true;
            nextAt = simMillis + (random.nextDouble() < Calibration.SHORT_OUTAGE_SHARE
                    ? random.nextLong(Calibration.SHORT_OUTAGE_MIN_MILLIS, Calibration.SHORT_OUTAGE_MAX_MILLIS + 1)
                    : random.nextLong(Calibration.LONG_OUTAGE_MIN_MILLIS, Calibration.LONG_OUTAGE_MAX_MILLIS + 1));
            return Payloads.status(device.id(), ts, ++seq, false);
        }
        nextAt = simMillis + interval();
        return observe(simMillis, ts, ++seq);
    }

    /** Whether the device is off the network (it sends nothing until it is back). */
    final boolean offline() {
        return offline;
    }

    /** The seq for a message the device sends outside its own schedule (an incident's sighting). */
    final long nextSeq() {
        return ++seq;
    }

    /** Simulated time until the next reading or detection. */
    abstract long interval();

    /** The device's reading or detection, with the given seq. */
    abstract CityMessage observe(long simMillis, long ts, long seq);
}
