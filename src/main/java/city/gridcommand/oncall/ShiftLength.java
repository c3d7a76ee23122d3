package city.gridcommand.oncall;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one person's shift in a rotation lasts: {@code daily}, {@code weekly} (handed over on a day of
 * the week), {@code {N}d} (N days) or {@code {N}h} (N hours). Day-based shifts are handed over at the same
 * local time each time, whatever the daylight-saving changes; hour-based ones are N hours of elapsed time.
 */
public record ShiftLength(Unit unit, int amount) {

    /** Longest shift in hours and in days. */
    public static final int MAX_HOURS = 24 * 31;
    public static final int MAX_DAYS = 366;

    public enum Unit { HOUR, DAY, WEEK }

    private static final Pattern COUNTED = Pattern.compile("([1-9][0-9]{0,3})([hd])");

    public static final ShiftLength DAILY = new ShiftLength(Unit.DAY, 1);
    public static final ShiftLength WEEKLY = new ShiftLength(Unit.WEEK, 1);

    public ShiftLength {
        if (unit == null || amount < 1) {
            throw new IllegalArgumentException("a shift needs a unit and a positive length");
        }
    }

    /** The shift of this wire name, or null when it is none. */
    public static ShiftLength parse(String wire) {
        if (wire == null) {
            return null;
        }
        String w = wire.trim().toLowerCase(Locale.ROOT);
        if (w.equals("daily")) {
            return DAILY;
        }
        if (w.equals("weekly")) {
            return WEEKLY;
        }
        Matcher m = COUNTED.matcher(w);
        if (!m.matches()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        if (m.group(2).equals("h")) {
            return n <= MAX_HOURS ? new ShiftLength(Unit.HOUR, n) : null;
        }
        return n <= MAX_DAYS ? new ShiftLength(Unit.DAY, n) : null;
    }

    public boolean weekly() {
        return unit == Unit.WEEK;
    }

    public boolean dayBased() {
        return unit != Unit.HOUR;
    }

    /** The shift in calendar days (day-based shifts only). */
    public int days() {
        return unit == Unit.WEEK ? 7 * amount : amount;
    }

    public String wireName() {
        return switch (unit) {
            case WEEK -> "weekly";
            case DAY -> amount == 1 ? "daily" : amount + "d";
            case HOUR -> amount + "h";
        };
    }
}
