package city.gridcommand.cases;

import city.gridcommand.signal.Severity;

/** A mutable copy of a snapshot, changed field by field while one transition is worked out. */
final class CaseDraft {

    private final CaseSnapshot base;
    CaseState state;
    Severity severity;
    CaseLevel level;
    Assignee assignee;
    Long deadline;
    boolean overdue;
    int reworkCount;
    int escalations;
    Long registeredAt;
    Long closedAt;
    String mergedInto;
    Evaluation evaluation;

    CaseDraft(CaseSnapshot base) {
        this.base = base;
        state = base.state();
        severity = base.severity();
        level = base.level();
        assignee = base.assignee();
        deadline = base.deadline();
        overdue = base.overdue();
        reworkCount = base.reworkCount();
        escalations = base.escalations();
        registeredAt = base.registeredAt();
        closedAt = base.closedAt();
        mergedInto = base.mergedInto();
        evaluation = base.evaluation();
    }

    CaseSnapshot build() {
        return new CaseSnapshot(base.id(), base.category(), severity, state, level, base.cell(), base.cellPath(),
                base.reporter(), assignee, deadline, overdue, reworkCount, escalations, base.createdAt(),
                registeredAt, closedAt, mergedInto, evaluation);
    }
}
