package city.gridcommand.bench;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** What the generator's senders count, shared by all connections; lock-free. */
final class Stats {

    final LongAdder published = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder failed = new LongAdder();
    /** Readings in the acknowledged messages (a gateway's message holds many). */
    final LongAdder ackedReadings = new LongAdder();
    /** nanoTime of the latest acknowledgement or failure. */
    private final LongAccumulator lastCompletion = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private volatile long startNanos = System.nanoTime();
    volatile String firstError;

    void start() {
        startNanos = System.nanoTime();
    }

    /** A message holding {@code readings} readings was acknowledged. */
    void acked(int readings) {
        ackedReadings.add(readings);
        completed(true, null);
    }

    void completed(boolean ok, String error) {
        if (ok) {
            acked.increment();
        } else {
            failed.increment();
            if (firstError == null) {
                firstError = error;
            }
        }
        lastCompletion.accumulate(System.nanoTime());
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Wall-clock time (epoch ms) of the latest acknowledgement or failure; now when none came back. */
    long lastCompletionEpochMillis() {
        long last = lastCompletion.get();
        long ago = last == Long.MIN_VALUE ? 0 : System.nanoTime() - last;
        return System.currentTimeMillis() - ago / 1_000_000L;
    }

    /** From the start of sending to the last acknowledgement (or to now when none came back). */
    double seconds() {
        long last = lastCompletion.get();
        return last == Long.MIN_VALUE ? elapsedSeconds() : (last - startNanos) / 1e9;
    }
}
