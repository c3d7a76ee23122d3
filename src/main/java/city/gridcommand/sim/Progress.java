package city.gridcommand.sim;

import java.util.Locale;

/**
 * The simulator's once-a-second progress line: totals, and the acknowledged rate over the last interval
 * (the rate the broker really takes, which lags the sending rate when it cannot keep up).
 */
final class Progress {

    private long lastNanos;
    private long lastAcked;

    Progress(long startNanos) {
        this.lastNanos = startNanos;
    }

    /** The line for a sample taken at {@code nowNanos}; remembers the sample for the next rate. */
    String line(long nowNanos, long startNanos, long sent, long acked, long failed, long simulatedMillis) {
        double seconds = (nowNanos - lastNanos) / 1e9;
        double rate = seconds > 0 ? (acked - lastAcked) / seconds : 0;
        lastNanos = nowNanos;
        lastAcked = acked;
        return String.format(Locale.ROOT, "simulate %5ds  sent %,d  acked %,d  failed %,d  %,.0f msg/s  city time %s",
                (nowNanos - startNanos) / 1_000_000_000L, sent, acked, failed, rate, clock(simulatedMillis));
    }

    /** Simulated time as h:mm:ss. */
    static String clock(long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
