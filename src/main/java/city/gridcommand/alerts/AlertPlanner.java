package city.gridcommand.alerts;

import city.gridcommand.cases.CaseState;
import city.gridcommand.signal.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * Which event changes alert. At or above the threshold: a raise, a severity increase (also one that crosses
 * the threshold), a reopen (the rework count went up), going overdue; a change that leaves the event closed
 * or final resolves its alerts. A signal merely joining an open event changes none of these and alerts
 * nobody; nor does a change of an event the alerts have never seen (raised before they watched).
 */
public final class AlertPlanner {

    private final Severity threshold;

    public AlertPlanner(Severity threshold) {
        this.threshold = Objects.requireNonNull(threshold, "threshold");
    }

    public Severity threshold() {
        return threshold;
    }

    /**
     * @param before what was remembered of the event before this change (null: nothing)
     * @param now    the event as the change left it
     * @param raised whether the change raised the event
     */
    public Optional<AlertReason> plan(EventMemory before, EventFacts now, boolean raised) {
        if (!isOpen(now.state())) {
            return before != null && isOpen(before.state()) ? Optional.of(AlertReason.RESOLVED) : Optional.empty();
        }
        if (now.severity() == null || now.severity().compareTo(threshold) < 0) {
            return Optional.empty();
        }
        if (raised && before == null) {
            return Optional.of(AlertReason.RAISED);
        }
        if (before == null) {
            return Optional.empty();
        }
        if (before.severity() != null && now.severity().compareTo(before.severity()) > 0) {
            return Optional.of(AlertReason.SEVERITY);
        }
        if (now.reworkCount() > before.reworkCount()) {
            return Optional.of(AlertReason.REOPENED);
        }
        if (now.overdue() && !before.overdue()) {
            return Optional.of(AlertReason.OVERDUE);
        }
        return Optional.empty();
    }

    /** Still being worked: neither closed nor final (an unknown state counts as open). */
    static boolean isOpen(String state) {
        CaseState known = CaseState.fromWire(state);
        return known == null || known.isOpen();
    }
}
