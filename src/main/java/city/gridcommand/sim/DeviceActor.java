package city.gridcommand.sim;

import city.gridcommand.registry.Device;
import java.util.SplittableRandom;

/**
 * A device's life common to sensors and cameras: it now and then drops off the network for a while,
 * announcing it on its status topic (as its last will would) and again when it is back, and sends nothing
 * in between.
 */
abstract class DeviceActor implements Actor {

    /** Chance per act of an outage: with a reading a minute, about one a day per sensor. */
    static final double OUTAGE_CHANCE = 1.0 / 1_500;
    static final long MIN_OUTAGE_MILLIS = 2 * 60_000;
    static final long MAX_OUTAGE_MILLIS = 30 * 60_000;

    protected final Device device;
    protected final SplittableRandom random;
    private long seq;
    private boolean offline;
    private long nextAt;

    DeviceActor(Device device, SplittableRandom random, long firstAt) {
        this.device = device;
        this.random = random;
        this.nextAt = firstAt;
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
            return Payloads.status(device.id(), ts, ++seq, true);
        }
        if (random.nextDouble() < OUTAGE_CHANCE) {
            offline = true;
            nextAt = simMillis + random.nextLong(MIN_OUTAGE_MILLIS, MAX_OUTAGE_MILLIS + 1);
            return Payloads.status(device.id(), ts, ++seq, false);
        }
        nextAt = simMillis + interval();
        return observe(simMillis, ts, ++seq);
    }

    /** Simulated time until the next reading or detection. */
    abstract long interval();

    /** The device's reading or detection, with the given seq. */
    abstract CityMessage observe(long simMillis, long ts, long seq);
}
