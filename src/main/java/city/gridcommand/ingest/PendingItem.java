package city.gridcommand.ingest;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import java.util.List;
import java.util.Objects;

/**
 * A message waiting to be written: either a decoded signal with its placement in the grid and the rule
 * triggers it drew, or a dead letter, plus the acknowledgement to send once it is durable. Exactly one
 * of {@code signal} and {@code deadLetter} is set; {@code placement} and {@code triggers} go with
 * {@code signal}.
 *
 * <p>{@code payload} is the message as it arrived (a dead letter's kept bytes). It is held until the
 * message is durable: the store keeps its fingerprint with the row, to tell a redelivery (the same bytes)
 * from a different message under the same key (a conflicting duplicate, dead-lettered whole), and a row
 * the database refuses becomes a dead letter with its original bytes, ready to be replayed. It is the same
 * array the broker connection read, not a copy. A reading of a gateway's batch holds its own bytes (a slice),
 * and {@code gateway} names the gateway it came through (null: its sender's own topic).
 */
public record PendingItem(Signal signal, Placement placement, List<EventTrigger> triggers, byte[] payload,
        DeadLetter deadLetter, SignalSource source, Acknowledgement ack, String gateway) {

    /** A signal from its sender's own topic. */
    public static PendingItem accepted(Signal signal, Placement placement, List<EventTrigger> triggers,
            byte[] payload, Acknowledgement ack) {
        return viaGateway(null, signal, placement, triggers, payload, ack);
    }

    /** A signal that came through {@code gateway} (null: its sender's own topic). */
    public static PendingItem viaGateway(String gateway, Signal signal, Placement placement,
            List<EventTrigger> triggers, byte[] payload, Acknowledgement ack) {
        return new PendingItem(signal, placement, triggers, Objects.requireNonNull(payload, "payload"), null,
                signal.source(), ack, gateway);
    }

    public static PendingItem rejected(DeadLetter deadLetter, SignalSource source, Acknowledgement ack) {
        return new PendingItem(null, null, List.of(), deadLetter.payload(), deadLetter, source, ack,
                deadLetter.gatewayId());
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }

    /** Whether writing this signal raises or joins events (if it is new to the database). */
    public boolean triggered() {
        return !triggers.isEmpty();
    }
}
