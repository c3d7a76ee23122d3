package city.gridcommand.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Office hours for deadlines counted in working time (工作时): working weekdays, the working periods of
 * a day, public holidays off, and the weekend days worked in exchange for them (调休上班日), all in the
 * city's time zone.
 */
public final class WorkingCalendar {

    /** Ten years of days: a calendar with no working day in that span is a configuration error. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final List<WorkingPeriod> periods;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workedWeekendDays;
    private final Duration workingDay;

    /**
     * @param zone              the city's time zone
     * @param workingDays       the days of the week worked
     * @param periods           the working periods of a day, not overlapping
     * @param holidays          dates off although on a working weekday
     * @param workedWeekendDays dates worked although not on a working weekday
     */
    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<WorkingPeriod> periods,
            Set<LocalDate> holidays, Set<LocalDate> workedWeekendDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (workingDays.isEmpty() || periods.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs working days and working periods");
        }
        this.workingDays = Set.copyOf(workingDays);
        this.periods = sortedWithoutOverlap(periods);
        this.holidays = Set.copyOf(holidays);
        this.workedWeekendDays = Set.copyOf(workedWeekendDays);
        this.workingDay = this.periods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The usual office hours of a Chinese city government: Monday to Friday, 08:30–12:00 and
     * 14:00–17:30 in Asia/Shanghai, no holidays (add the State Council's yearly holiday notice).
     */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(ZoneId.of("Asia/Shanghai"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(WorkingPeriod.parse("08:30-12:00"), WorkingPeriod.parse("14:00-17:30")), Set.of(), Set.of());
    }

    /** The same hours with these holidays and worked weekend days instead. */
    public WorkingCalendar withDays(Set<LocalDate> newHolidays, Set<LocalDate> newWorkedWeekendDays) {
        return new WorkingCalendar(zone, workingDays, periods, newHolidays, newWorkedWeekendDays);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The working time of one working day: the sum of the periods. */
    public Duration workingDay() {
        return workingDay;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workedWeekendDays.contains(date)) {
            return true;
        }
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Whether the instant falls inside a working period of a working day. */
    public boolean isWorkingTime(long epochMillis) {
        ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(zone);
        if (!isWorkingDay(at.toLocalDate())) {
            return false;
        }
        LocalTime time = at.toLocalTime();
        return periods.stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }

    /**
     * The instant when {@code working} working time has passed after {@code startMillis}. Time outside
     * working periods does not count; a start outside them counts from the next period's start. The
     * result may be the end of a period (12:00 rather than 14:00): the work had to be done by then.
     */
    public long plusWorking(long startMillis, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + working);
        }
        if (working.isZero()) {
            return startMillis;
        }
        Instant start = Instant.ofEpochMilli(startMillis);
        Duration remaining = working;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant from = latest(date.atTime(period.start()).atZone(zone).toInstant(), start);
                Instant to = date.atTime(period.end()).atZone(zone).toInstant();
                if (!from.isBefore(to)) {
                    continue;
                }
                Duration available = Duration.between(from, to);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining).toEpochMilli();
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_SEARCHED + " days of " + start);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<WorkingPeriod> sortedWithoutOverlap(List<WorkingPeriod> periods) {
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted.get(i - 1) + ", "
                        + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }
}
