package city.gridcommand.alerts;

import java.time.Duration;

/**
 * A burst in one cell is one alert: a raise in a cell where an alert of the same policy was opened less than
 * the group window ago and is still open joins that alert (its recipients get one {@code update} listing
 * every event when the window ends) instead of opening another.
 */
public final class Grouping {

    /** An open alert of the cell as the grouping sees it. */
    public record OpenAlert(String alertId, String policyId, AlertState state, long groupUntil) {
    }

    private Grouping() {
    }

    /** When an alert opened at {@code openedAt} stops taking the cell's new raises. */
    public static long groupUntil(long openedAt, Duration window) {
        return openedAt + window.toMillis();
    }

    /** Whether a raise under {@code policyId} at {@code now} joins {@code candidate} (null: none). */
    public static boolean joins(OpenAlert candidate, String policyId, AlertReason reason, long now) {
        return candidate != null && reason == AlertReason.RAISED && candidate.state() == AlertState.OPEN
                && candidate.policyId().equals(policyId) && now < candidate.groupUntil();
    }
}
