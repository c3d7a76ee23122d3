package city.gridcommand.cases.runtime;

import city.gridcommand.cases.Assignee;
import city.gridcommand.cases.CaseAction;
import city.gridcommand.cases.CaseLevel;
import city.gridcommand.cases.CaseSnapshot;
import city.gridcommand.cases.CaseState;
import city.gridcommand.cases.DeadlineStep;
import city.gridcommand.cases.Evaluation;
import city.gridcommand.cases.Reporter;
import city.gridcommand.cases.ReporterKind;
import city.gridcommand.cases.Transition;
import city.gridcommand.signal.Severity;
import city.gridcommand.store.CaseUpdate;
import city.gridcommand.store.StoredEvent;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Translates between the stored event row and the case domain's snapshot and transitions. */
final class CaseSnapshots {

    private CaseSnapshots() {
    }

    static CaseSnapshot of(StoredEvent e) {
        ReporterKind kind = e.reporterKind() == null ? null : ReporterKind.fromWire(e.reporterKind());
        Reporter reporter = new Reporter(kind == null ? ReporterKind.SCREEN : kind,
                e.reporter() == null ? e.origin() : e.reporter());
        return new CaseSnapshot(e.id().toString(), e.category(), Severity.valueOf(e.severity()),
                CaseState.valueOf(e.state()), CaseLevel.fromWire(e.level()), e.cell(), e.cellPath(), reporter,
                Assignee.parse(e.assignee()), e.deadline(), e.overdue(), e.reworkCount(), e.escalations(), e.createdAt(),
                e.registeredAt(), e.closedAt(), e.mergedInto() == null ? null : e.mergedInto().toString(),
                Evaluation.parse(e.evaluation()));
    }

    /** The stored row after a transition, and the history entry that explains it. */
    static CaseUpdate update(StoredEvent before, Transition t) {
        CaseSnapshot a = t.after();
        CaseState state = a.state();
        Assignee assignee = a.assignee();
        String department = assignee != null && assignee.kind() == Assignee.Kind.DEPARTMENT ? assignee.id()
                : before.department();
        Long dispatchedAt = before.dispatchedAt() == null && t.action() == CaseAction.DISPATCH ? Long.valueOf(t.at())
                : before.dispatchedAt();
        Boolean closedOnTime = t.action() == CaseAction.CLOSE ? Boolean.valueOf(!a.overdue()) : before.closedOnTime();
        DeadlineStep step = DeadlineStep.of(state);
        StoredEvent after = new StoredEvent(before.id(), before.cell(), before.cellPath(), before.category(),
                a.severity().name(), state.name(), a.level().wireName(), department,
                assignee == null ? null : assignee.wire(), before.origin(), before.reporterKind(), before.reporter(),
                before.reportId(), before.trigger(), before.description(), before.signals(), before.sources(),
                step == null ? null : step.wireName(), a.deadline(), a.overdue(), a.reworkCount(), a.escalations(),
                a.mergedInto() == null ? null : UUID.fromString(a.mergedInto()),
                a.evaluation() == null ? null : String.valueOf(a.evaluation().score()), before.createdAt(),
                a.registeredAt(), dispatchedAt, a.closedAt(), closedOnTime, t.at(), state.isOpen());
        JsonObject detail = new JsonObject().put("severity", a.severity().name()).put("level", a.level().wireName())
                .put("assignee", assignee == null ? null : assignee.wire()).put("deadline", a.deadline());
        return new CaseUpdate(after, t.action().wireName(), t.actor().id(), t.actor().role().wireName(), t.note(),
                t.attachments(), detail);
    }
}
