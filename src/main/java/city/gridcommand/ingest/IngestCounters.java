package city.gridcommand.ingest;

import city.gridcommand.locate.Placement;
import city.gridcommand.signal.SignalSource;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every message by source: received, processed (stored as new), duplicates, rejected by reason
 * (dead letters stored) and redelivered (handed back to the broker, not durable), so that every message
 * received is in exactly one of them or still in flight; and the dead letters replayed. Each reading of a
 * gateway's message counts as a message received (a batch refused whole as one), and the gateway's messages
 * are counted besides. Lock-free, so the
 * hot path pays a few nanoseconds per count.
 */
public final class IngestCounters {

    private static final int SOURCES = SignalSource.values().length;
    private static final int REASONS = RejectReason.values().length;

    private final LongAdder[] received = adders(SOURCES);
    private final LongAdder[] processed = adders(SOURCES);
    private final LongAdder[] duplicates = adders(SOURCES);
    private final LongAdder[] unknownKinds = adders(SOURCES);
    private final LongAdder[] outside = adders(SOURCES);
    private final LongAdder[] unplaced = adders(SOURCES);
    private final LongAdder[] rejected = adders(SOURCES * REASONS);
    private final LongAdder[] redelivered = adders(SOURCES);
    private final LongAdder replayed = new LongAdder();
    private final LongAdder[] gatewayMessages = adders(SOURCES);

    private static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    void received(SignalSource source) {
        received[source.ordinal()].increment();
    }

    void processed(SignalSource source, int n) {
        processed[source.ordinal()].add(n);
    }

    void duplicates(SignalSource source, int n) {
        duplicates[source.ordinal()].add(n);
    }

    void unknownKind(SignalSource source) {
        unknownKinds[source.ordinal()].increment();
    }

    void placed(SignalSource source, Placement placement) {
        if (!placement.placed()) {
            unplaced[source.ordinal()].increment();
        } else if (placement.outside()) {
            outside[source.ordinal()].increment();
        }
    }

    void rejected(SignalSource source, RejectReason reason) {
        rejected[source.ordinal() * REASONS + reason.ordinal()].increment();
    }

    void redelivered(SignalSource source) {
        redelivered[source.ordinal()].increment();
    }

    /** A message on a gateway's topic (its readings are counted as received each). */
    void gatewayMessage(SignalSource source) {
        gatewayMessages[source.ordinal()].increment();
    }

    void replayed(int n) {
        replayed.add(n);
    }

    public long receivedOf(SignalSource source) {
        return received[source.ordinal()].sum();
    }

    public long processedOf(SignalSource source) {
        return processed[source.ordinal()].sum();
    }

    public long duplicatesOf(SignalSource source) {
        return duplicates[source.ordinal()].sum();
    }

    /** Detections whose kind the rules do not know (kept and stored, counted here). */
    public long unknownKindsOf(SignalSource source) {
        return unknownKinds[source.ordinal()].sum();
    }

    /** Signals whose position lies in no base cell (stored without a cell). */
    public long outsideOf(SignalSource source) {
        return outside[source.ordinal()].sum();
    }

    /** Signals with no position at all: no coordinates and no registered position (stored without a cell). */
    public long unplacedOf(SignalSource source) {
        return unplaced[source.ordinal()].sum();
    }

    public long rejectedOf(SignalSource source, RejectReason reason) {
        return rejected[source.ordinal() * REASONS + reason.ordinal()].sum();
    }

    /**
     * Messages handed back to the broker because they could not be made durable, not even as a dead
     * letter (the broker sends them again; they are received and counted again).
     */
    public long redeliveredOf(SignalSource source) {
        return redelivered[source.ordinal()].sum();
    }

    /** Messages taken from gateways' topics of this feed; their readings are in the other counts. */
    public long gatewayMessagesOf(SignalSource source) {
        return gatewayMessages[source.ordinal()].sum();
    }

    /** Dead letters replayed through the message path and durable again (stored, duplicate or dead letter). */
    public long replayed() {
        return replayed.sum();
    }
}
