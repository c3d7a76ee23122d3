package city.gridcommand.alerts;

/**
 * What an acknowledgement did: {@link Status#ACKED} stopped the chain; {@link Status#ALREADY_ACKED} someone
 * had; {@link Status#NOT_RECIPIENT} the person was never alerted by it; {@link Status#UNKNOWN_ALERT} no such
 * alert; {@link Status#ENDED} its chain had ended (the event resolved, or the chain ran out).
 */
public record AckResult(Status status, String alertId) {

    public enum Status {
        ACKED, ALREADY_ACKED, NOT_RECIPIENT, UNKNOWN_ALERT, ENDED
    }
}
