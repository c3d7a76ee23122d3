package city.gridcommand.ingest;

import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;

/**
 * The ingest stage, in order: parse the topic, decode and validate the payload, check the sender, put
 * the signal in its cells, and hand the result (signal or dead letter) to the write-behind. Nothing here blocks or throws: every
 * message ends either stored or dead-lettered, and is acknowledged only after that.
 */
public final class IngestPipeline {

    private final SignalDecoder decoder;
    private final SenderRegistry registry;
    private final UnknownSenders unknownSenders;
    private final SignalPlacer placer;
    private final WriteBehind writeBehind;
    private final IngestCounters counters;
    private final int maxDeadLetterBytes;

    public IngestPipeline(SignalDecoder decoder, SenderRegistry registry, UnknownSenders unknownSenders,
            SignalPlacer placer, WriteBehind writeBehind, IngestCounters counters, int maxDeadLetterBytes) {
        this.decoder = decoder;
        this.registry = registry;
        this.unknownSenders = unknownSenders;
        this.placer = placer;
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
            decoder.checkSize(message.payloadSize());
            Signal signal = decoder.decode(address, message.payload(), message.receivedAt());
            admit(address);
            if (signal instanceof Detection detection && !detection.knownKind()) {
                counters.unknownKind(SignalSource.DETECTION);
            }
            Placement placement = placer.place(signal);
            counters.placed(address.source(), placement);
            writeBehind.add(PendingItem.accepted(signal, placement, message.ack()));
        } catch (RejectedMessageException e) {
            reject(e, message, address.source(), address.senderId());
        }
    }

    private void admit(TopicAddress address) throws RejectedMessageException {
        if (unknownSenders == UnknownSenders.ACCEPT || registry.isRegistered(address.source(), address.senderId())) {
            return;
        }
        if (unknownSenders == UnknownSenders.REFUSE) {
            throw new RejectedMessageException(RejectReason.UNKNOWN_SENDER,
                    "'" + address.senderId() + "' is not registered and unknown senders are refused");
        }
        registry.register(address.source(), address.senderId());
    }

    private void reject(RejectedMessageException e, InboundMessage message, SignalSource source, String senderId) {
        counters.rejected(source, e.reason());
        DeadLetter letter = DeadLetter.of(e, message, senderId, maxDeadLetterBytes);
        writeBehind.add(PendingItem.rejected(letter, source, message.ack()));
    }

    public WriteBehind writeBehind() {
        return writeBehind;
    }
}
