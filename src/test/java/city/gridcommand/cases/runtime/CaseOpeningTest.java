package city.gridcommand.cases.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.cases.CaseWorkflow;
import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.Deadlines;
import city.gridcommand.cases.WorkflowPolicy;
import city.gridcommand.cases.WorkingCalendar;
import city.gridcommand.event.EventRaise;
import city.gridcommand.event.EventRaising;
import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.WorkerReport;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How triggers, reports and calls become events: the one place that decides it. */
class CaseOpeningTest {

    private static final CategoryCatalogue CATALOGUE = CategoryCatalogue.loadDefault();
    private static final long NOW = 1_764_460_800_000L;
    private static final List<String> PATH_A = List.of("440305", "440305001", "440305001002", "440305001002005");
    private static final List<String> PATH_B = List.of("440305", "440305001", "440305001002", "440305001002004");

    private final EventRaising opening = new CaseOpening(CATALOGUE, new CaseWorkflow(CATALOGUE,
            new Deadlines(CATALOGUE.deadlines(), WorkingCalendar.standard()), new WorkflowPolicy(false, false, false)));

    @Test
    void oneSignalDrawingSeveralTriggersForOneEventCountsOnceAtTheHighestSeverity() {
        TriggerSource reading = new TriggerSource("sensor", "smk-1", 7L, NOW - 100);
        List<EventRaise> raises = opening.ofTriggers(List.of(
                trigger("smoke-high", "fire", Severity.YELLOW, PATH_A, reading),
                trigger("smoke-composite", "fire", Severity.RED, PATH_A, reading)), NOW);

        assertThat(raises).singleElement().satisfies(r -> {
            assertThat(r.severity()).isEqualTo("RED");
            assertThat(r.category()).isEqualTo("fire");
            assertThat(r.department()).isEqualTo("dept-fire");
            assertThat(r.collectedBy()).isEqualTo("rule:smoke-composite");
            assertThat(r.source()).isEqualTo("sensor:smk-1");
            assertThat(r.deadline()).isNotNull().isGreaterThan(NOW);
        });
    }

    @Test
    void twoSignalsRaiseTwiceAndRaisesComeInCellThenCategoryOrder() {
        List<EventRaise> raises = opening.ofTriggers(List.of(
                trigger("r1", "smoke", Severity.GREEN, PATH_A, new TriggerSource("sensor", "smk-1", 1L, NOW)),
                trigger("r2", "fire", Severity.GREEN, PATH_A, new TriggerSource("camera", "cam-1", 2L, NOW)),
                trigger("r3", "fire", Severity.GREEN, PATH_B, new TriggerSource("camera", "cam-2", 3L, NOW)),
                trigger("r1", "smoke", Severity.GREEN, PATH_A, new TriggerSource("sensor", "smk-1", 2L, NOW))), NOW);

        assertThat(raises).extracting(r -> r.cell() + "/" + r.category()).containsExactly(
                "440305001002004/fire", "440305001002005/fire", "440305001002005/smoke", "440305001002005/smoke");
    }

    @Test
    void aRuleThatNamesItsDepartmentOverridesTheCatalogue() {
        EventTrigger routed = new EventTrigger("smoke-to-urban", "smoke", Severity.YELLOW, "dept-urban",
                PATH_A.get(3), PATH_A, new TriggerSource("sensor", "smk-1", 1L, NOW), NOW);

        assertThat(opening.ofTriggers(List.of(routed), NOW)).singleElement()
                .satisfies(r -> assertThat(r.department()).isEqualTo("dept-urban"));
    }

    @Test
    void aReportOpensACaseInItsBaseCellButNotOutsideTheGrid() {
        WorkerReport report = new WorkerReport("w-1", UUID.randomUUID(), NOW, "no-such-category", "a hole",
                new Position(22.53, 113.94), List.of(), null, NOW);
        CellLocation inCell = new CellLocation(PATH_A.get(3), PATH_A, List.of(), List.of());

        Optional<EventRaise> raised = opening.ofReport(report, inCell, NOW);
        assertThat(raised).hasValueSatisfying(r -> {
            assertThat(r.category()).isEqualTo("other");
            assertThat(r.severity()).isEqualTo("GREEN");
            assertThat(r.reportId()).isEqualTo(report.reportId());
            assertThat(r.collectedBy()).isEqualTo("w-1");
        });
        assertThat(opening.ofReport(report, CellLocation.OUTSIDE, NOW)).isEmpty();
        assertThat(opening.ofReport(report, null, NOW)).isEmpty();
    }

    @Test
    void aHotlineCallIsReportedByTheHotlineUnlessItNamesTheCaller() {
        CellLocation at = new CellLocation(PATH_A.get(3), PATH_A, List.of(), List.of());
        EventRaise anonymous = opening.ofCall(new EventRaising.Call("hotline", "fire", Severity.RED, null, "smoke"),
                at, NOW);
        EventRaise named = opening.ofCall(new EventRaising.Call("dispatcher", "fire", null, "d-7", null), at, NOW);

        assertThat(anonymous.reporter()).isEqualTo("hotline");
        assertThat(anonymous.reporterKind()).isEqualTo("hotline");
        assertThat(anonymous.severity()).isEqualTo("RED");
        assertThat(named.reporter()).isEqualTo("d-7");
        assertThat(named.reporterKind()).isEqualTo("screen");
        assertThat(named.severity()).isEqualTo("GREEN");
        assertThat(named.source()).isEqualTo("dispatcher:d-7");
    }

    private static EventTrigger trigger(String rule, String category, Severity severity, List<String> path,
            TriggerSource source) {
        return new EventTrigger(rule, category, severity, null, path.get(3), path, source, NOW);
    }
}
