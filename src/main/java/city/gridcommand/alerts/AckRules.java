package city.gridcommand.alerts;

/**
 * Who may ack an alert, and what it does: only a person the alert was sent to ({@code alert} kind, any step
 * or round); an open chain stops (ACKED), an acked one stays as it is (ALREADY_ACKED), an ended one
 * (resolved, exhausted) can no longer be acked (ENDED).
 */
public final class AckRules {

    private AckRules() {
    }

    /**
     * @param state     the alert's state, null when there is no such alert
     * @param recipient whether the person was alerted by it
     */
    public static AckResult.Status judge(AlertState state, boolean recipient) {
        if (state == null) {
            return AckResult.Status.UNKNOWN_ALERT;
        }
        if (!recipient) {
            return AckResult.Status.NOT_RECIPIENT;
        }
        return switch (state) {
            case OPEN -> AckResult.Status.ACKED;
            case ACKED -> AckResult.Status.ALREADY_ACKED;
            case RESOLVED, EXHAUSTED -> AckResult.Status.ENDED;
        };
    }
}
