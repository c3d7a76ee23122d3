package city.gridcommand.oncall;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a whole set of schedules (as read, every one valid on its own) against each other and the city:
 * ids unique, cells in the grid in force, departments known, one schedule per cell and department, layer
 * names unique in a schedule, overrides of a schedule not overlapping, one holiday per date. Warns, for
 * every 24/7 schedule, of its gaps over the coming {@code gapHorizon}.
 */
public final class ScheduleValidator {

    /** What checking gave: errors (nothing may be stored) and warnings (gaps of 24/7 schedules). */
    public record Report(List<ScheduleProblem> errors, List<ScheduleProblem> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Predicate<String> knownCell;
    private final Predicate<String> knownDepartment;
    private final ScheduleClock clock;
    private final Duration gapHorizon;

    /**
     * @param knownCell       whether a cell code is in the grid in force
     * @param knownDepartment whether a department code is one schedules may name (the catalogue's and {@code centre})
     */
    public ScheduleValidator(Predicate<String> knownCell, Predicate<String> knownDepartment, ScheduleClock clock,
            Duration gapHorizon) {
        this.knownCell = Objects.requireNonNull(knownCell, "knownCell");
        this.knownDepartment = Objects.requireNonNull(knownDepartment, "knownDepartment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gapHorizon = Objects.requireNonNull(gapHorizon, "gapHorizon");
    }

    public Report validate(List<Schedule> schedules, long now) {
        List<ScheduleProblem> errors = new ArrayList<>();
        List<ScheduleProblem> warnings = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> cellAndDepartment = new HashMap<>();
        ZoneId zone = clock.zone();
        for (int i = 0; i < schedules.size(); i++) {
            Schedule s = schedules.get(i);
            String path = "schedules[" + i + "]";
            Integer sameId = ids.putIfAbsent(s.id(), i);
            if (sameId != null) {
                errors.add(ScheduleProblem.error(path + ".id", "id '" + s.id() + "' is also schedules[" + sameId + "]'s"));
            }
            if (!knownCell.test(s.cell())) {
                errors.add(ScheduleProblem.error(path + ".cell", "unknown cell '" + s.cell() + "' (not in the grid in force)"));
            }
            if (s.department() != null && !knownDepartment.test(s.department())) {
                errors.add(ScheduleProblem.error(path + ".department", "unknown department '" + s.department() + "'"));
            }
            Integer same = cellAndDepartment.putIfAbsent(s.cell() + "\u0000" + s.department(), i);
            if (same != null) {
                errors.add(ScheduleProblem.error(path + ".department", "schedules[" + same + "] is already the schedule of cell "
                        + s.cell() + " for " + (s.department() == null ? "no department" : "department " + s.department())));
            }
            Set<String> layerNames = new HashSet<>();
            for (int j = 0; j < s.layers().size(); j++) {
                if (!layerNames.add(s.layers().get(j).name())) {
                    errors.add(ScheduleProblem.error(path + ".layers[" + j + "].name", "another layer of this schedule is named '"
                            + s.layers().get(j).name() + "'"));
                }
            }
            overlappingOverrides(s, path, zone, errors);
            Map<Object, Integer> dates = new HashMap<>();
            for (int k = 0; k < s.holidays().size(); k++) {
                Integer other = dates.putIfAbsent(s.holidays().get(k).date(), k);
                if (other != null) {
                    errors.add(ScheduleProblem.error(path + ".holidays[" + k + "].date", "holidays[" + other + "] is on the same date"));
                }
            }
            if (s.coverage() == Coverage.ALWAYS) {
                for (Gap gap : clock.gaps(s, now, now + gapHorizon.toMillis())) {
                    warnings.add(new ScheduleProblem(path, "24/7 schedule '" + s.id() + "' has nobody on call from "
                            + java.time.Instant.ofEpochMilli(gap.from()).atZone(zone).toLocalDateTime() + " to "
                            + java.time.Instant.ofEpochMilli(gap.to()).atZone(zone).toLocalDateTime(), gap.from(), gap.to()));
                }
            }
        }
        return new Report(List.copyOf(errors), List.copyOf(warnings));
    }

    private static void overlappingOverrides(Schedule s, String path, ZoneId zone, List<ScheduleProblem> errors) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < s.overrides().size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingLong(k -> s.overrides().get(k).fromMillis(zone)));
        int latest = -1; // of the overrides so far, the one that ends last
        for (int k : order) {
            ShiftOverride o = s.overrides().get(k);
            if (latest >= 0) {
                ShiftOverride before = s.overrides().get(latest);
                if (o.fromMillis(zone) < before.toMillis(zone)) {
                    errors.add(ScheduleProblem.error(path + ".overrides[" + k + "]", "overlaps overrides[" + latest
                            + "] (" + before.from() + " to " + before.to() + ")"));
                }
            }
            if (latest < 0 || o.toMillis(zone) > s.overrides().get(latest).toMillis(zone)) {
                latest = k;
            }
        }
    }
}
