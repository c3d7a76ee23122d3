package city.gridcommand.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of an escalation policy: whom it notifies and how long the chain waits for an ack before it
 * moves on ({@code wait}; null: the ack deadline of the alert's severity).
 *
 * @param department for {@code oncall}: the schedule's department (null: the event's own department)
 * @param level      for {@code oncall}: the ancestor of the event's cell whose schedule answers
 *                   ({@code district}, {@code street}, {@code community}); null: the deepest schedule on the path
 * @param person     for {@code person}: the person's id
 */
public record PolicyStep(NotifyTarget target, String department, String level, String person, Duration waitFor) {

    public PolicyStep {
        Objects.requireNonNull(target, "target");
    }

    public static PolicyStep of(NotifyTarget target) {
        return new PolicyStep(target, null, null, null, null);
    }

    /** The wait of this step for an alert whose ack deadline is {@code ackDeadline}. */
    public Duration waitOr(Duration ackDeadline) {
        return waitFor != null ? waitFor : ackDeadline;
    }
}
