package city.gridcommand.cases;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a step may take: an amount of calendar time, or of working time counted on the
 * {@link WorkingCalendar}. Written {@code <amount><unit>}: {@code s}, {@code m}, {@code h}, {@code d}
 * calendar seconds, minutes, hours, days; {@code wm}, {@code wh}, {@code wd} working minutes, hours,
 * days. A working day is the calendar's working time of one day (7 h for 08:30–12:00 and 14:00–17:30),
 * so one working day from 10:00 on a Monday is 10:00 on Tuesday.
 */
public record StepLimit(long amount, Unit unit) {

    /** The units a limit is written in, with their suffix. */
    public enum Unit {
        SECONDS("s", false), MINUTES("m", false), HOURS("h", false), DAYS("d", false),
        WORKING_MINUTES("wm", true), WORKING_HOURS("wh", true), WORKING_DAYS("wd", true);

        private final String suffix;
        private final boolean working;

        Unit(String suffix, boolean working) {
            this.suffix = suffix;
            this.working = working;
        }

        public String suffix() {
            return suffix;
        }

        /** Whether the unit counts working time rather than calendar time. */
        public boolean working() {
            return working;
        }
    }

    private static final Pattern FORM = Pattern.compile("([0-9]{1,6})(s|m|h|d|wm|wh|wd)");

    public StepLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("a step limit must be positive: " + amount);
        }
    }

    /** The limit for a written form such as {@code 4wh} or {@code 15m}, or null if it is not one. */
    public static StepLimit parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
            return null;
        }
        for (Unit unit : Unit.values()) {
            if (unit.suffix.equals(m.group(2))) {
                return new StepLimit(Long.parseLong(m.group(1)), unit);
            }
        }
        return null;
    }

    public static StepLimit calendar(Duration duration) {
        return new StepLimit(duration.toSeconds(), Unit.SECONDS);
    }

    public static StepLimit workingHours(long hours) {
        return new StepLimit(hours, Unit.WORKING_HOURS);
    }

    /** The duration to add: calendar time, or working time with working days of the given length. */
    public Duration duration(Duration workingDay) {
        return switch (unit) {
            case SECONDS -> Duration.ofSeconds(amount);
            case MINUTES, WORKING_MINUTES -> Duration.ofMinutes(amount);
            case HOURS, WORKING_HOURS -> Duration.ofHours(amount);
            case DAYS -> Duration.ofDays(amount);
            case WORKING_DAYS -> workingDay.multipliedBy(amount);
        };
    }

    /** The written form, e.g. {@code 4wh}. */
    public String wire() {
        return amount + unit.suffix;
    }

    @Override
    public String toString() {
        return wire();
    }
}
