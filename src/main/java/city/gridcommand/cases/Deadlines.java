package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.Objects;

/** Turns a step's time limit into an instant: calendar time as it is, working time on the calendar. */
public record Deadlines(DeadlineTable table, WorkingCalendar calendar) {

    public Deadlines {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** When the step, started at {@code startedAt} (epoch ms), is due (epoch ms). */
    public long deadlineFor(String category, Severity severity, DeadlineStep step, long startedAt) {
        StepLimit limit = table.limit(category, severity, step);
        if (limit.unit().working()) {
            return calendar.plusWorking(startedAt, limit.duration(calendar.workingDay()));
        }
        return Math.addExact(startedAt, limit.duration(calendar.workingDay()).toMillis());
    }

    /** The deadline of the step running in {@code state}, started now; null when none runs. */
    Long deadlineIn(CaseState state, String category, Severity severity, long now) {
        DeadlineStep step = DeadlineStep.of(state);
        return step == null ? null : deadlineFor(category, severity, step, now);
    }
}
