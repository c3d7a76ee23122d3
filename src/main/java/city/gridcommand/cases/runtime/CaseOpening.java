package city.gridcommand.cases.runtime;

import city.gridcommand.cases.CaseSnapshot;
import city.gridcommand.cases.CaseWorkflow;
import city.gridcommand.cases.Category;
import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.Reporter;
import city.gridcommand.cases.ReporterKind;
import city.gridcommand.event.EventRaise;
import city.gridcommand.event.EventRaising;
import city.gridcommand.event.EventTrigger;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.WorkerReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens cases as the workflow does (信息收集): the catalogue's category (unknown codes become
 * {@code other}), routed to the level that answers for its severity, the department the catalogue names
 * (or the rule that raised it), the register deadline running.
 */
public final class CaseOpening implements EventRaising {

    private final CategoryCatalogue catalogue;
    private final CaseWorkflow workflow;

    public CaseOpening(CategoryCatalogue catalogue, CaseWorkflow workflow) {
        this.catalogue = catalogue;
        this.workflow = workflow;
    }

    @Override
    public List<EventRaise> ofTriggers(List<EventTrigger> triggers, long now) {
        Map<List<Object>, EventTrigger> bySignal = new LinkedHashMap<>();
        for (EventTrigger t : triggers) {
            List<Object> key = Arrays.asList(t.cell(), t.category(), t.source().kind(), t.source().id(),
                    t.source().seq(), t.source().ts());
            bySignal.merge(key, t, (a, b) -> b.severity().compareTo(a.severity()) > 0 ? b : a);
        }
        List<EventTrigger> ordered = new ArrayList<>(bySignal.values());
        ordered.sort(Comparator.comparing(EventTrigger::cell).thenComparing(EventTrigger::category));
        List<EventRaise> raises = new ArrayList<>(ordered.size());
        for (EventTrigger t : ordered) {
            raises.add(ofTrigger(t, now));
        }
        return raises;
    }

    private EventRaise ofTrigger(EventTrigger t, long now) {
        Opening o = open(t.category(), t.severity(), t.cellPath(), now);
        // the rule names who answers for what it raises
        String department = t.department() != null ? t.department() : o.department();
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("source", t.source().kind());
        trigger.put("id", t.source().id());
        trigger.put("seq", t.source().seq());
        trigger.put("ts", t.source().ts());
        trigger.put("rule", t.ruleId());
        return new EventRaise(t.cell(), t.cellPath(), o.category(), o.severity().name(), o.level(), department,
                "rule", t.source().kind(), t.source().id(), null, trigger, null,
                t.source().kind() + ":" + t.source().id(), o.step(), o.deadline(), "rule:" + t.ruleId());
    }

    @Override
    public Optional<EventRaise> ofReport(WorkerReport r, CellLocation at, long now) {
        if (at == null || at.outside()) {
            return Optional.empty();
        }
        Opening o = open(r.category(), r.severity(), at.path(), now);
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("source", "worker");
        trigger.put("id", r.senderId());
        trigger.put("ts", r.ts());
        trigger.put("reportId", r.reportId().toString());
        return Optional.of(new EventRaise(at.baseCell(), at.path(), o.category(), o.severity().name(), o.level(),
                o.department(), "report", "worker", r.senderId(), r.reportId(), trigger, r.description(),
                "worker:" + r.senderId(), o.step(), o.deadline(), r.senderId()));
    }

    @Override
    public EventRaise ofCall(Call call, CellLocation at, long now) {
        Opening o = open(call.category(), call.severity(), at.path(), now);
        String reporter = call.reporter() == null ? call.origin() : call.reporter();
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("source", call.origin());
        trigger.put("id", reporter);
        trigger.put("ts", now);
        String reporterKind = call.origin().equals("hotline") ? "hotline" : "screen";
        return new EventRaise(at.baseCell(), at.path(), o.category(), o.severity().name(), o.level(),
                o.department(), call.origin(), reporterKind, reporter, null, trigger, call.description(),
                call.origin() + ":" + reporter, o.step(), o.deadline(), reporter);
    }

    /** A case's first state. */
    private record Opening(String category, Severity severity, String level, String department, String step,
            Long deadline) {
    }

    private Opening open(String category, Severity requested, List<String> cellPath, long now) {
        Category known = catalogue.resolve(category);
        Severity severity = requested == null ? Severity.GREEN : requested;
        // the reporter does not change how a case opens; the store records who reported it
        CaseSnapshot opened = workflow.open("new", known.code(), severity, cellPath,
                new Reporter(ReporterKind.SCREEN, "opening"), now);
        return new Opening(known.code(), severity, opened.level().wireName(), known.department(), "register",
                opened.deadline());
    }
}
