package city.gridcommand.cases;

import city.gridcommand.access.CellScope;
import city.gridcommand.signal.Severity;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Shared pieces for the case tests: the shipped catalogue, office hours, a cell path and explicit times. */
final class CaseFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CategoryCatalogue CATALOGUE = CategoryCatalogue.loadDefault();
    static final WorkingCalendar CALENDAR = WorkingCalendar.standard();
    static final Deadlines DEADLINES = new Deadlines(CATALOGUE.deadlines(), CALENDAR);

    static final String DISTRICT = "440305";
    static final String STREET = "440305001";
    static final String BASE_CELL = "440305001002005";
    static final List<String> PATH = List.of(DISTRICT, STREET, "440305001002", BASE_CELL);

    static final String COMMUNITY = "440305001002";
    /** The cells of the district's centre and departments: the whole district. */
    static final CellScope DISTRICT_CELLS = CellScope.of(List.of(DISTRICT));
    /** The cells a community's leader and grid workers see: their community. */
    static final CellScope COMMUNITY_CELLS = CellScope.of(List.of(COMMUNITY));

    static final Actor DISPATCHER = Actor.of("d-1", Role.DISPATCHER, null, DISTRICT_CELLS);
    static final Actor SUPERVISOR = Actor.of("s-1", Role.SUPERVISOR, null, DISTRICT_CELLS);
    static final Actor REPORTING_WORKER = Actor.of("w-1", Role.WORKER, BASE_CELL, COMMUNITY_CELLS);
    /** A grid worker of the next base cell of the same community. */
    static final Actor OTHER_WORKER = Actor.of("w-2", Role.WORKER, "440305001002006", COMMUNITY_CELLS);
    static final Actor LEADER = Actor.of("l-1", Role.LEADER, BASE_CELL, COMMUNITY_CELLS);
    static final Actor URBAN = Actor.of("u-1", Role.DEPARTMENT, "dept-urban", DISTRICT_CELLS);
    static final Actor FIRE_BRIGADE = Actor.of("f-1", Role.DEPARTMENT, "dept-fire", DISTRICT_CELLS);
    static final Actor HOTLINE = Actor.of("h-1", Role.HOTLINE, null, DISTRICT_CELLS);

    private CaseFixtures() {
    }

    /** Epoch ms of a local date-time in Shanghai, e.g. {@code at("2026-11-23T09:00")} (a Monday). */
    static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant().toEpochMilli();
    }

    static CaseWorkflow workflow() {
        return workflow(WorkflowPolicy.DEFAULT);
    }

    static CaseWorkflow workflow(WorkflowPolicy policy) {
        return new CaseWorkflow(CATALOGUE, DEADLINES, policy);
    }

    /** A case in any state, as the persistence layer might load it: GREEN exposed garbage reported by w-1. */
    static CaseSnapshot caseIn(CaseState state, Assignee assignee) {
        return caseIn(state, assignee, Reporter.worker("w-1"));
    }

    static CaseSnapshot caseIn(CaseState state, Assignee assignee, Reporter reporter) {
        Long deadline = DeadlineStep.of(state) == null ? null : at("2026-11-23T17:00");
        return new CaseSnapshot("c-1", "exposed_garbage", Severity.GREEN, state, CaseLevel.CELL, BASE_CELL, PATH,
                reporter, assignee, deadline, false, 0, 0, at("2026-11-23T09:00"), null, null, null, null);
    }

    static Transition accepted(TransitionResult result) {
        if (result instanceof Transition transition) {
            return transition;
        }
        throw new AssertionError("expected an accepted transition, got " + result);
    }

    static Refusal refused(TransitionResult result) {
        if (result instanceof Refusal refusal) {
            return refusal;
        }
        throw new AssertionError("expected a refusal, got " + result);
    }
}
