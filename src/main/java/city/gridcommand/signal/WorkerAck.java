package city.gridcommand.signal;

/**
 * A worker's acknowledgement: either of an alert ({@code alertId}) or an action on an event
 * ({@code eventId} with {@code action}); exactly one of the two ids is set.
 */
public record WorkerAck(String senderId, long ts, String alertId, String eventId, String action, long receivedAt)
        implements Signal {

    @Override
    public SignalSource source() {
        return SignalSource.WORKER_ACK;
    }

    /** The id of what is acknowledged, whichever kind it is. */
    public String target() {
        return alertId != null ? alertId : eventId;
    }
}
