package city.gridcommand.oncall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Small builders for schedules in tests. */
final class OnCallFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private OnCallFixtures() {
    }

    static Layer layer(String name, ShiftLength shift, String handover, DayOfWeek day, String start,
            Restrictions restrictions, String... people) {
        return new Layer(name, List.of(people), shift, LocalTime.parse(handover), day, LocalDate.parse(start), restrictions);
    }

    static Layer daily(String name, String handover, String start, String... people) {
        return layer(name, ShiftLength.DAILY, handover, null, start, Restrictions.NONE, people);
    }

    static Restrictions windows(String... windows) {
        return new Restrictions(List.of(windows).stream().map(TimeWindow::parse).toList(), Set.of());
    }

    static Schedule schedule(String id, String cell, String department, Coverage coverage, List<Layer> layers,
            List<ShiftOverride> overrides, List<Holiday> holidays) {
        return new Schedule(id, id, department, cell, coverage, layers, overrides, holidays);
    }

    static Schedule schedule(String id, Layer... layers) {
        return schedule(id, "440305", null, Coverage.ALWAYS, List.of(layers), List.of(), List.of());
    }

    static long at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant().toEpochMilli();
    }

    static long at(String localDateTime) {
        return at(localDateTime, SHANGHAI);
    }

    static ShiftOverride swap(String person, String from, String to) {
        return new ShiftOverride(person, LocalDateTime.parse(from), LocalDateTime.parse(to));
    }
}
