package city.gridcommand.oncall;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/** A swap: {@code person} is on call from {@code from} to {@code to} (local date-times of the city), above every layer. */
public record ShiftOverride(String person, LocalDateTime from, LocalDateTime to) {

    public ShiftOverride {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    long fromMillis(ZoneId zone) {
        return from.atZone(zone).toInstant().toEpochMilli();
    }

    long toMillis(ZoneId zone) {
        return to.atZone(zone).toInstant().toEpochMilli();
    }
}
