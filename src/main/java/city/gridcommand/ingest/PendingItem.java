package city.gridcommand.ingest;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import java.util.List;

/**
 * A message waiting to be written: either a decoded signal with its placement in the grid and the rule
 * triggers it drew, or a dead letter, plus the acknowledgement to send once it is durable. Exactly one
 * of {@code signal} and {@code deadLetter} is set; {@code placement}, {@code triggers} and {@code payload}
 * go with {@code signal}.
 *
 * @param payload the signal's payload as it arrived: the store keeps its fingerprint with the row, to tell
 *                a redelivery (the same bytes) from a different message under the same key, and keeps it
 *                whole in the dead letter of such a conflicting duplicate
 */
public record PendingItem(Signal signal, Placement placement, List<EventTrigger> triggers, DeadLetter deadLetter,
        SignalSource source, Acknowledgement ack, byte[] payload) {

    public static PendingItem accepted(Signal signal, Placement placement, List<EventTrigger> triggers,
            byte[] payload, Acknowledgement ack) {
        return new PendingItem(signal, placement, triggers, null, signal.source(), ack, payload);
    }

    public static PendingItem rejected(DeadLetter deadLetter, SignalSource source, Acknowledgement ack) {
        return new PendingItem(null, null, List.of(), deadLetter, source, ack, null);
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }

    /** Whether writing this signal raises or joins events (if it is new to the database). */
    public boolean triggered() {
        return !triggers.isEmpty();
    }
}
