package city.gridcommand.oncall;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A time of day window {@code from} inclusive to {@code to} exclusive, in the city's time zone; a window
 * whose end is not after its start wraps midnight ({@code 18:00-08:00}), and {@code 08:00-08:00} is a whole
 * day from 08:00.
 */
public record TimeWindow(LocalTime from, LocalTime to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** {@code HH:mm-HH:mm}, or null when it is not one. */
    public static TimeWindow parse(String wire) {
        if (wire == null) {
            return null;
        }
        String[] parts = wire.trim().split("-");
        if (parts.length != 2) {
            return null;
        }
        LocalTime from = Times.parseTime(parts[0]);
        LocalTime to = Times.parseTime(parts[1]);
        return from == null || to == null ? null : new TimeWindow(from, to);
    }

    public boolean wraps() {
        return !from.isBefore(to);
    }

    public String wireName() {
        return Times.format(from) + "-" + Times.format(to);
    }

    /** Parsing helpers shared by the schedule's fields. */
    static final class Times {
        private Times() {
        }

        static LocalTime parseTime(String text) {
            if (text == null || !text.trim().matches("[0-9]{2}:[0-9]{2}")) {
                return null;
            }
            try {
                return LocalTime.parse(text.trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        static String format(LocalTime time) {
            return String.format("%02d:%02d", time.getHour(), time.getMinute());
        }
    }
}
