package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Escalates a case (升级) when a step deadline passes, or when a dispatcher asks: the severity rises one
 * step (GREEN → YELLOW → RED) unless the category says it does not, the responsible level goes one up
 * (CELL → STREET → DISTRICT, and at least the level the category routes the new severity to), and the
 * current step gets a new deadline from now at the new severity.
 */
public final class Escalation {

    private final CategoryCatalogue catalogue;
    private final Deadlines deadlines;

    public Escalation(CategoryCatalogue catalogue, Deadlines deadlines) {
        this.catalogue = catalogue;
        this.deadlines = deadlines;
    }

    /**
     * What the durable timer does when it fires: the escalation by {@link Actor#SYSTEM}, marking the case
     * overdue, or nothing when the case has no running step or its deadline is not yet reached (a timer
     * that fired early, or one left over from a step already done). At the top (RED, district) the case
     * still gets a new deadline, so the timer keeps reminding the district centre.
     */
    public Optional<Transition> onDeadlinePassed(CaseSnapshot current, long now) {
        if (!current.state().isOpen() || current.deadline() == null || now < current.deadline()) {
            return Optional.empty();
        }
        String note = DeadlineStep.of(current.state()).wireName() + " deadline passed";
        return Optional.of(escalate(current, Actor.SYSTEM, note, List.of(), null, now));
    }

    /**
     * The escalation of an open case by this actor; {@code requested} is a severity asked for (not lower
     * than the current one), null for the usual one step. The case is marked overdue when its deadline
     * has passed.
     */
    Transition escalate(CaseSnapshot current, Actor actor, String note, List<String> attachments, Severity requested,
            long now) {
        Category category = catalogue.resolve(current.category());
        CaseDraft draft = new CaseDraft(current);
        draft.severity = requested != null ? requested : raised(current.severity(), category);
        draft.level = current.level().up().atLeast(category.levelFor(draft.severity));
        draft.overdue = CaseWorkflow.lateAt(current, now);
        draft.escalations = current.escalations() + 1;
        draft.deadline = deadlines.deadlineIn(current.state(), current.category(), draft.severity, now);
        return new Transition(CaseAction.ESCALATE, current.state(), actor, note, attachments, now, draft.build());
    }

    private static Severity raised(Severity severity, Category category) {
        if (!category.escalatesSeverity()) {
            return severity;
        }
        return severity == Severity.GREEN ? Severity.YELLOW : Severity.RED;
    }
}
