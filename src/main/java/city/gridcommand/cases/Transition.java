package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.List;
import java.util.Objects;

/**
 * An accepted transition: one append-only history row. It carries the case as it is afterwards, so
 * the persistence layer stores {@link #after()} and the history row without working anything out.
 *
 * @param action      what was done
 * @param from        the state before
 * @param actor       who did it, in the one role they acted in ({@link #role()}, what the history records)
 * @param note        the reason, result or remark; null when none
 * @param attachments photo URLs
 * @param at          when (epoch ms)
 * @param after       the case afterwards: state, assignee, severity, level, deadline, counters
 */
public record Transition(CaseAction action, CaseState from, Actor actor, String note, List<String> attachments,
        long at, CaseSnapshot after) implements TransitionResult {

    public Transition {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(after, "after");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public String caseId() {
        return after.id();
    }

    public CaseState to() {
        return after.state();
    }

    public Role role() {
        return actor.role();
    }

    public Assignee assignee() {
        return after.assignee();
    }

    public Severity severity() {
        return after.severity();
    }

    public CaseLevel level() {
        return after.level();
    }

    /** The new deadline of the current step; null when no step is running. */
    public Long deadline() {
        return after.deadline();
    }

    public int reworkCount() {
        return after.reworkCount();
    }
}
