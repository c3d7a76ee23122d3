package city.gridcommand.ingest;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import java.util.List;

/**
 * A message waiting to be written: either a decoded signal with its placement in the grid and the rule
 * triggers it drew, or a dead letter, plus the acknowledgement to send once it is durable. Exactly one
 * of {@code signal} and {@code deadLetter} is set; {@code placement} and {@code triggers} go with
 * {@code signal}.
 */
public record PendingItem(Signal signal, Placement placement, List<EventTrigger> triggers, DeadLetter deadLetter,
        SignalSource source, Acknowledgement ack) {

    public static PendingItem accepted(Signal signal, Placement placement, List<EventTrigger> triggers,
            Acknowledgement ack) {
        return new PendingItem(signal, placement, triggers, null, signal.source(), ack);
    }

    public static PendingItem rejected(DeadLetter deadLetter, SignalSource source, Acknowledgement ack) {
        return new PendingItem(null, null, List.of(), deadLetter, source, ack);
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }

    /** Whether writing this signal raises or joins events (if it is new to the database). */
    public boolean triggered() {
        return !triggers.isEmpty();
    }
}
