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
 * listener) and acknowledge. A gateway's message is first taken apart into its readings
 * ({@link GatewayMessage}); each goes down the same path as if its device had sent it alone, and the
 * message is acknowledged once all of them are durable. Nothing here blocks or throws: every message ends
 * stored or dead-lettered.
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
            reject(e, message, SignalSource.UNKNOWN, null, null);
            return;
        }
        if (address.viaGateway()) {
            acceptFromGateway(address, message);
            return;
        }
        counters.received(address.source());
        try {
            decoder.checkSize(message.payloadSize());
            Signal signal = decode(address, message.payload(), message.receivedAt());
            admitted(address, signal, message.payload(), message.ack());
        } catch (RejectedMessageException e) {
            reject(e, message, address.source(), address.senderId(), null);
        }
    }

    /** Each reading of a gateway's message on its own, under one acknowledgement of the message. */
    private void acceptFromGateway(TopicAddress gateway, InboundMessage message) {
        SignalSource source = gateway.source();
        counters.gatewayMessage(source);
        List<GatewayMessage.Part> parts;
        try {
            parts = GatewayMessage.parts(gateway, message, decoder, admission.registry());
        } catch (RejectedMessageException e) {
            counters.received(source);
            reject(e, message, source, gateway.gatewayId(), gateway.gatewayId());
            return;
        }
        message.ack().holds(parts.size());
        Acknowledgement shared = new SharedAcknowledgement(message.ack(), parts.size());
        for (GatewayMessage.Part part : parts) {
            counters.received(source);
            if (part.refused() != null) {
                writeBehind.add(PendingItem.rejected(part.refused(), source, shared));
                continue;
            }
            try {
                Signal signal = part.signal() != null ? part.signal()
                        : decode(part.address(), part.payload(), message.receivedAt());
                admitted(part.address(), signal, part.payload(), shared);
            } catch (RejectedMessageException e) {
                DeadLetter letter = DeadLetter.ofReading(e.reason(), e.detail(), part.address(), part.alone(),
                        message.receivedAt());
                writeBehind.add(PendingItem.rejected(letter, source, shared));
            }
        }
    }

    /** Admit, locate, judge and write one decoded signal. */
    private void admitted(TopicAddress address, Signal signal, byte[] payload, Acknowledgement ack)
            throws RejectedMessageException {
        admission.admit(address);
        Placement placement = locator.place(signal);
        counters.placed(address.source(), placement);
        List<EventTrigger> triggers = judge.judge(signal, placement);
        tell(signal, placement);
        writeBehind.add(PendingItem.viaGateway(address.gatewayId(), signal, placement, triggers, payload, ack));
    }

    private void tell(Signal signal, Placement placement) {
        try {
            placed.placed(signal, placement);
        } catch (RuntimeException e) {
            LOG.warnf(e, "a listener of placed signals failed on %s %s", signal.source(), signal.senderId());
        }
    }

    private Signal decode(TopicAddress address, byte[] payload, long receivedAt) throws RejectedMessageException {
        Signal signal = decoder.decode(address, payload, receivedAt);
        if (signal instanceof Detection detection && !detection.knownKind()) {
            counters.unknownKind(SignalSource.DETECTION);
        }
        return signal;
    }

    private void reject(RejectedMessageException e, InboundMessage message, SignalSource source, String senderId,
            String gatewayId) {
        DeadLetter letter = DeadLetter.of(e, message, senderId, gatewayId, decoder.maxPayloadBytes(),
                maxDeadLetterBytes);
        writeBehind.add(PendingItem.rejected(letter, source, message.ack()));
    }

    public WriteBehind writeBehind() {
        return writeBehind;
    }
}
