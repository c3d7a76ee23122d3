package city.gridcommand.sim;

import java.time.Duration;

/**
 * Spreads messages evenly over time at a total rate: message {@code i} (from 0) is due {@code i / rate}
 * seconds after the start. Absolute due times, not sleeps between messages, so pauses do not add up to
 * drift: a sender that fell behind catches up.
 */
final class Pacer {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double messagesPerSecond;

    Pacer(double messagesPerSecond) {
        if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number");
        }
        this.messagesPerSecond = messagesPerSecond;
    }

    /** Nanoseconds after the start at which message {@code index} is due. */
    long dueNanos(long index) {
        return (long) (index * NANOS_PER_SECOND / messagesPerSecond);
    }

    /** How many messages fall due within the duration from the start. */
    long messagesWithin(Duration duration) {
        return (long) Math.ceil(duration.toNanos() * messagesPerSecond / NANOS_PER_SECOND);
    }
}
