package city.gridcommand.locate;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The daily hours in which grid workers are on duty, in the city's time zone; {@code end} before
 * {@code start} means a shift across midnight.
 */
public record DutyHours(LocalTime start, LocalTime end, ZoneId zone) {

    public boolean covers(long epochMillis) {
        LocalTime time = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalTime();
        if (start.equals(end)) {
            return true;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }
}
