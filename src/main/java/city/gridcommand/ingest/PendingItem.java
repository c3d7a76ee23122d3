package city.gridcommand.ingest;

import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;

/**
 * A message waiting to be written: either a decoded signal with its placement in the grid or a dead
 * letter, plus the acknowledgement to send once it is durable. Exactly one of {@code signal} and
 * {@code deadLetter} is set; {@code placement} is set with {@code signal}.
 */
public record PendingItem(Signal signal, Placement placement, DeadLetter deadLetter, SignalSource source,
        Acknowledgement ack) {

    public static PendingItem accepted(Signal signal, Placement placement, Acknowledgement ack) {
        return new PendingItem(signal, placement, null, signal.source(), ack);
    }

    public static PendingItem rejected(DeadLetter deadLetter, SignalSource source, Acknowledgement ack) {
        return new PendingItem(null, null, deadLetter, source, ack);
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }
}
