package city.gridcommand.alerts;

import city.gridcommand.oncall.QuietHours;
import city.gridcommand.signal.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a delivery goes, and when a failed one is tried again. A GREEN alert to a person inside their quiet
 * hours waits for their end; YELLOW and RED go at once, always. A transient failure waits
 * {@code base · 2^(attempt-1)}, spread by ±20 % so that many failures do not retry in step.
 */
public final class DeliveryTiming {

    private DeliveryTiming() {
    }

    /** When a delivery of an alert at {@code severity} made at {@code now} is due. */
    public static long dueAt(Severity severity, QuietHours quiet, ZoneId zone, long now) {
        if (severity != Severity.GREEN || quiet == null) {
            return now;
        }
        ZonedDateTime at = Instant.ofEpochMilli(now).atZone(zone);
        LocalTime time = at.toLocalTime();
        if (!quiet.contains(time)) {
            return now;
        }
        ZonedDateTime end = at.with(quiet.to());
        if (!end.isAfter(at)) {
            end = end.plusDays(1).with(quiet.to());
        }
        return end.toInstant().toEpochMilli();
    }

    /**
     * When try {@code attempts + 1} goes after try {@code attempts} failed at {@code now}; {@code jitter} in
     * [0, 1) picks the spread.
     */
    public static long retryAt(Duration base, int attempts, double jitter, long now) {
        long delay = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return now + Math.round(delay * (0.8 + 0.4 * jitter));
    }
}
