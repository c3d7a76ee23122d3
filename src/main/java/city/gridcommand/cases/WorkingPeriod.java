package city.gridcommand.cases;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** One span of office hours within a working day, written {@code 08:30-12:00}; the end is excluded. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a working period must end after it starts: " + start + "-" + end);
        }
    }

    /** The period for {@code HH:mm-HH:mm}; throws IllegalArgumentException naming the text otherwise. */
    public static WorkingPeriod parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a working period is written HH:mm-HH:mm: " + text);
        }
        try {
            return new WorkingPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a working period is written HH:mm-HH:mm: " + text, e);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
