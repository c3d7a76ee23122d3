package city.gridcommand.ingest;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The message path, stage by stage: <b>decode</b> (topic and payload, validated), <b>admit</b> (the
 * sender), <b>locate</b> (its cells), <b>judge</b> (the rule triggers it draws), <b>write</b> (batched
 * with others in one transaction: the signal, its cell changes, the events it raises or joins, or its
 * dead letter) and, once committed, <b>publish</b> (the event changes, by the store's after-commit
 * listener) and acknowledge. Nothing here blocks or throws: every message ends stored or dead-lettered.
 */
public final class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    private final SignalDecoder decoder;
    private final Admission admission;
    private final Locator locator;
    private final Judge judge;
    private final WriteBehind writeBehind;
    private final IngestCounters counters;
    private final int maxDeadLetterBytes;
    private final PlacedSignals placed;

    public IngestPipeline(SignalDecoder decoder, Admission admission, Locator locator, Judge judge,
            WriteBehind writeBehind, IngestCounters counters, int maxDeadLetterBytes, PlacedSignals placed) {
        this.placed = placed;
        this.decoder = decoder;
        this.admission = admission;
        this.locator = locator;
        this.judge = judge;
        this.writeBehind = writeBehind;
        this.counters = counters;
        this.maxDeadLetterBytes = maxDeadLetterBytes;
    }

    public void accept(InboundMessage message) {
        TopicAddress address;
        try {
            address = TopicAddress.parse(message.topic());
        } catch (RejectedMessageException e) {
            counters.received(SignalSource.UNKNOWN);
            reject(e, message, SignalSource.UNKNOWN, null);
            return;
        }
        counters.received(address.source());
        try {
            Signal signal = decode(address, message);
            admission.admit(address);
            Placement placement = locator.place(signal);
            counters.placed(address.source(), placement);
            List<EventTrigger> triggers = judge.judge(signal, placement);
            tell(signal, placement);
            writeBehind.add(PendingItem.accepted(signal, placement, triggers, message.payload(), message.ack()));
        } catch (RejectedMessageException e) {
            reject(e, message, address.source(), address.senderId());
        }
    }

    private void tell(Signal signal, Placement placement) {
        try {
            placed.placed(signal, placement);
        } catch (RuntimeException e) {
            LOG.warnf(e, "a listener of placed signals failed on %s %s", signal.source(), signal.senderId());
        }
    }

    private Signal decode(TopicAddress address, InboundMessage message) throws RejectedMessageException {
        decoder.checkSize(message.payloadSize());
        Signal signal = decoder.decode(address, message.payload(), message.receivedAt());
        if (signal instanceof Detection detection && !detection.knownKind()) {
            counters.unknownKind(SignalSource.DETECTION);
        }
        return signal;
    }

    private void reject(RejectedMessageException e, InboundMessage message, SignalSource source, String senderId) {
        DeadLetter letter = DeadLetter.of(e, message, senderId, decoder.maxPayloadBytes(), maxDeadLetterBytes);
        writeBehind.add(PendingItem.rejected(letter, source, message.ack()));
    }

    public WriteBehind writeBehind() {
        return writeBehind;
    }
}
