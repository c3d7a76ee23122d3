package city.gridcommand.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Which daily partitions a time-partitioned table should have: one per UTC day from the oldest day
 * inside retention to a few days ahead. Pure, so the plan is tested without a database.
 */
public final class DailyPartitions {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long DAY_MS = 86_400_000L;

    /** One day's partition: rows with {@code fromMs <= ts < toMs}. */
    public record Day(LocalDate date, long fromMs, long toMs) {

        public String nameFor(String table) {
            return table + "_p" + SUFFIX.format(date);
        }
    }

    private DailyPartitions() {
    }

    /** The days to keep or create, oldest first. */
    public static List<Day> wanted(long nowMs, int retentionDays, int daysAhead) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = today.minusDays(retentionDays); !d.isAfter(today.plusDays(daysAhead)); d = d.plusDays(1)) {
            long from = d.toEpochDay() * DAY_MS;
            days.add(new Day(d, from, from + DAY_MS));
        }
        return days;
    }

    /** Whether a partition named for {@code table} on some day is older than every wanted day. */
    public static boolean isExpired(String table, String partitionName, List<Day> wanted) {
        String prefix = table + "_p";
        if (!partitionName.startsWith(prefix) || partitionName.length() != prefix.length() + 8) {
            return false;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(partitionName.substring(prefix.length()), SUFFIX);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        return date.isBefore(wanted.get(0).date());
    }
}
