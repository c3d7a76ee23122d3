package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.Department;
import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.oncall.OnCallAnswer;
import city.gridcommand.oncall.OnCallResolver;
import city.gridcommand.oncall.Schedule;
import city.gridcommand.oncall.ScheduleClock;
import city.gridcommand.oncall.ScheduleReader;
import city.gridcommand.oncall.ScheduleValidator;
import city.gridcommand.oncall.ScheduleWriter;
import city.gridcommand.registry.WorkerRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo city's on-call schedules: valid, without gaps, and answering for every department and centre. */
class DemoOnCallTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final DemoCity city = StandardCity.get();
    private final List<String> departments = CategoryCatalogue.loadDefault().departments().stream()
            .map(Department::code).toList();
    private final List<Schedule> schedules = DemoOnCall.schedules(city, departments);
    private final ScheduleClock clock = new ScheduleClock(CITY);

    private static long at(String local) {
        return LocalDateTime.parse(local).atZone(CITY).toInstant().toEpochMilli();
    }

    @Test
    void theSchedulesValidateWithoutGapsAndReadBackAsWritten() {
        Set<String> cells = new HashSet<>();
        city.cells().forEach(c -> cells.add(c.code()));
        Set<String> known = new HashSet<>(departments);
        known.add(DemoOnCall.CENTRE);
        ScheduleValidator.Report report = new ScheduleValidator(cells::contains, known::contains, clock,
                Duration.ofDays(28)).validate(schedules, at("2026-03-03T12:00"));
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        long streets = city.cells().stream().filter(c -> c.level() == CellLevel.STREET && c.kind() == CellKind.BASE)
                .count();
        assertThat(schedules).hasSize((int) (streets * (departments.size() + 1) + 1));
        ScheduleReader.Read read = ScheduleReader.read(ScheduleWriter.toJson(schedules).getBytes(StandardCharsets.UTF_8), CITY);
        assertThat(read.errors()).isEmpty();
        assertThat(read.schedules()).isEqualTo(schedules);
        assertThat(DemoOnCall.schedules(StandardCity.get(), departments)).as("deterministic").isEqualTo(schedules);
    }

    @Test
    void everyBaseCellHasSomeoneForEveryDepartmentAndItsCentres() {
        OnCallResolver resolver = new OnCallResolver(schedules, clock);
        Cell base = city.cells().stream().filter(Cell::isBaseCell).findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        for (Cell c = base; c != null; c = c.parent() == null ? null : city.cell(c.parent())) {
            path.add(0, c.code());
        }
        String street = path.get(1);
        String supervisor = city.workers().stream()
                .filter(w -> w.role() == WorkerRole.SUPERVISOR && w.cells().contains(street)).findFirst().orElseThrow().id();
        for (String department : departments) {
            assertThat(resolver.onCall(path, department, at("2026-03-03T03:00"))).as(department).isPresent();
        }
        assertThat(resolver.onCall(path, "dept-fire", at("2026-03-03T03:00")).map(OnCallAnswer::personId))
                .contains("handler-dept-fire");
        assertThat(resolver.onCall(path, "centre", at("2026-03-03T12:00")).map(OnCallAnswer::personId))
                .contains("dispatcher-" + street);
        assertThat(resolver.onCall(path, "centre", at("2026-03-03T23:00")).map(OnCallAnswer::personId))
                .contains(supervisor);
        assertThat(resolver.onCall(path.subList(0, 1), "centre", at("2026-03-03T23:00")).map(OnCallAnswer::scheduleId))
                .contains(path.get(0) + "-centre");
    }
}
