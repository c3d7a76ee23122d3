package city.gridcommand.oncall;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a layer applies: time-of-day windows and/or days of the week (none of either: always). A window that
 * wraps midnight belongs to the day it starts on: {@code 18:00-08:00} on Friday runs to Saturday 08:00.
 * Days without windows mean those whole days.
 */
public record Restrictions(List<TimeWindow> windows, Set<DayOfWeek> days) {

    public static final Restrictions NONE = new Restrictions(List.of(), Set.of());

    public Restrictions {
        windows = windows == null ? List.of() : List.copyOf(windows);
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean none() {
        return windows.isEmpty() && days.isEmpty();
    }

    /** Whether the layer applies at this local date and time. */
    public boolean allows(LocalDateTime at) {
        if (windows.isEmpty()) {
            return dayAllowed(at.getDayOfWeek());
        }
        LocalTime time = at.toLocalTime();
        for (TimeWindow w : windows) {
            if (!w.wraps()) {
                if (!time.isBefore(w.from()) && time.isBefore(w.to()) && dayAllowed(at.getDayOfWeek())) {
                    return true;
                }
            } else {
                if (!time.isBefore(w.from()) && dayAllowed(at.getDayOfWeek())) {
                    return true;
                }
                if (time.isBefore(w.to()) && dayAllowed(at.getDayOfWeek().minus(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean dayAllowed(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }
}
