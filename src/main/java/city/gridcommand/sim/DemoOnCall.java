package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.oncall.Coverage;
import city.gridcommand.oncall.Layer;
import city.gridcommand.oncall.Restrictions;
import city.gridcommand.oncall.Schedule;
import city.gridcommand.oncall.ShiftLength;
import city.gridcommand.oncall.TimeWindow;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo city's on-call schedules, so that its alerts reach someone, all 24/7 without gaps and the same for
 * the same city:
 * <ul>
 * <li>per street and department of the catalogue: the department's demo staff ({@code handler-{department}})
 *     every day; for urban management the street's supervisor takes weeks in turn with them;</li>
 * <li>per street, the centre ({@code centre}): the street's dispatcher ({@code dispatcher-{street}}) in office
 *     hours, 08:30-17:30, the street's supervisor the rest of the day;</li>
 * <li>the district's centre: the district's {@code dispatcher} and {@code supervisor} a day each in turn.</li>
 * </ul>
 * The people are those of the demo login (signin.DemoPeople) and the supervisors of the worker registry.
 */
public final class DemoOnCall {

    /** The department of the centres' duty rosters. */
    public static final String CENTRE = "centre";
    /** Every rotation starts on this Monday. */
    static final LocalDate START = LocalDate.of(2025, 1, 6);
    private static final LocalTime HANDOVER = LocalTime.of(8, 30);
    private static final LocalTime OFFICE_END = LocalTime.of(17, 30);

    private DemoOnCall() {
    }

    /** The schedules of the city for these departments (the catalogue's codes). */
    public static List<Schedule> schedules(DemoCity city, List<String> departments) {
        List<Schedule> schedules = new ArrayList<>();
        Cell district = null;
        for (Cell cell : city.cells()) {
            if (cell.kind() != CellKind.BASE) {
                continue;
            }
            if (cell.level() == CellLevel.DISTRICT) {
                district = cell;
            } else if (cell.level() == CellLevel.STREET) {
                schedules.addAll(street(cell, supervisorOf(city, cell.code()), departments));
            }
        }
        if (district != null) {
            schedules.add(new Schedule(district.code() + "-centre", district.name() + " command centre", CENTRE,
                    district.code(), Coverage.ALWAYS,
                    List.of(layer("duty", List.of("dispatcher", "supervisor"), ShiftLength.DAILY, Restrictions.NONE)),
                    List.of(), List.of()));
        }
        return schedules;
    }

    private static List<Schedule> street(Cell street, String supervisor, List<String> departments) {
        List<Schedule> schedules = new ArrayList<>();
        for (String department : departments) {
            boolean urban = department.equals(WorkerRoster.SUPERVISOR_DEPARTMENT) && supervisor != null;
            List<String> people = urban ? List.of(supervisor, "handler-" + department) : List.of("handler-" + department);
            Layer duty = urban ? weekly("duty", people) : layer("duty", people, ShiftLength.DAILY, Restrictions.NONE);
            schedules.add(new Schedule(street.code() + "-" + department, street.name() + ", " + department, department,
                    street.code(), Coverage.ALWAYS, List.of(duty), List.of(), List.of()));
        }
        List<Layer> centre = new ArrayList<>();
        if (supervisor != null) {
            centre.add(layer("nights", List.of(supervisor), ShiftLength.DAILY, Restrictions.NONE));
        }
        centre.add(layer("office", List.of("dispatcher-" + street.code()), ShiftLength.DAILY,
                new Restrictions(List.of(new TimeWindow(HANDOVER, OFFICE_END)), Set.of())));
        schedules.add(new Schedule(street.code() + "-centre", street.name() + " command centre", CENTRE, street.code(),
                supervisor == null ? Coverage.PARTIAL : Coverage.ALWAYS, centre, List.of(), List.of()));
        return schedules;
    }

    private static Layer layer(String name, List<String> people, ShiftLength shift, Restrictions restrictions) {
        return new Layer(name, people, shift, HANDOVER, null, START, restrictions);
    }

    private static Layer weekly(String name, List<String> people) {
        return new Layer(name, people, ShiftLength.WEEKLY, HANDOVER, DayOfWeek.MONDAY, START, Restrictions.NONE);
    }

    private static String supervisorOf(DemoCity city, String street) {
        for (Worker w : city.workers()) {
            if (w.role() == WorkerRole.SUPERVISOR && w.cells().contains(street)) {
                return w.id();
            }
        }
        return null;
    }
}
