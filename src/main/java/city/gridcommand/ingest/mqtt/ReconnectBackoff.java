package city.gridcommand.ingest.mqtt;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt to reach the broker: exponential, with jitter, and reset only
 * once a connection has held for a while. A broker that accepts and drops us at once (a client id taken
 * by another client, a broker restarting, a refused subscription) thus meets growing delays instead of a
 * reconnection every 200 ms; and instances that lost the same broker do not return to it in step.
 *
 * <p>Not thread-safe: one connection uses it from its event loop. Times are {@link System#nanoTime()}
 * readings passed in, so the rule can be checked without waiting.
 */
final class ReconnectBackoff {

    private final long firstNanos;
    private final long maxNanos;
    private final long stableNanos;
    private final DoubleSupplier random;
    private int failures;
    private long upSince = -1;

    /**
     * @param random draws in [0, 1): the share of the upper half of a delay that is added to its lower half
     */
    ReconnectBackoff(Duration first, Duration max, Duration stableAfter, DoubleSupplier random) {
        this.firstNanos = Math.max(1, first.toNanos());
        this.maxNanos = Math.max(firstNanos, max.toNanos());
        this.stableNanos = stableAfter.toNanos();
        this.random = random;
    }

    /** A session started at {@code now}. */
    void up(long now) {
        upSince = now;
    }

    /** The session that was up (if any) ended at {@code now}: the back-off restarts if it had held. */
    void down(long now) {
        if (upSince >= 0 && now - upSince >= stableNanos) {
            failures = 0;
        }
        upSince = -1;
    }

    /** The wait before the next attempt, in milliseconds: between half and all of the current step. */
    long nextDelayMillis() {
        long step = firstNanos;
        for (int i = 0; i < failures && step < maxNanos; i++) {
            step = step > maxNanos / 2 ? maxNanos : step * 2;
        }
        failures++;
        long jittered = step / 2 + (long) (random.getAsDouble() * (step - step / 2));
        return Math.max(1, jittered / 1_000_000);
    }

    /** Attempts since the back-off last restarted. */
    int failures() {
        return failures;
    }
}
