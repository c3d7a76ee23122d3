package city.gridcommand.oncall;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A person's quiet hours in the city's time zone, {@code from} inclusive to {@code to} exclusive; they may
 * wrap midnight (22:00 to 07:00).
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Whether {@code time} falls in the quiet hours. */
    public boolean contains(LocalTime time) {
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }
}
