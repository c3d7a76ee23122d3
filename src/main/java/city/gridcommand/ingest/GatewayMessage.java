package city.gridcommand.ingest;

import city.gridcommand.registry.SenderRegistry;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A message on a gateway's topic taken apart into the readings it carries, each to go down the message
 * path as if its device had sent it alone: a batch's readings (to decode), the statuses a gateway's
 * status gives its devices (already decoded: the gateway's own state, and every device registered behind
 * it, or the devices it lists), and the entries refused as they stand (their dead letters).
 */
final class GatewayMessage {

    /**
     * One reading: its address (the device and its gateway), its bytes as the device would have sent them
     * alone, and either its signal (a status, decoded already), nothing (a batch reading, to decode), or
     * the dead letter of an entry refused whole.
     */
    record Part(TopicAddress address, byte[] payload, Signal signal, DeadLetter refused) {

        /** The reading as its gateway would have sent it alone: what its dead letter keeps. */
        byte[] alone() {
            return signal instanceof DeviceStatus status ? GatewayStatus.alone(status, address.gatewayId())
                    : GatewayBatch.alone(address.source(), address.senderId(), payload);
        }
    }

    private GatewayMessage() {
    }

    /**
     * The parts of {@code message} on the topic of gateway {@code gateway}; at least one.
     *
     * @throws RejectedMessageException when the message as a whole cannot be used
     */
    static List<Part> parts(TopicAddress gateway, InboundMessage message, SignalDecoder decoder,
            SenderRegistry registry) throws RejectedMessageException {
        decoder.checkSize(message.payloadSize());
        if (gateway.source() == SignalSource.DEVICE_STATUS) {
            return statusParts(gateway, decoder.decodeGatewayStatus(message.payload()), message.receivedAt(),
                    registry);
        }
        List<Part> parts = new ArrayList<>();
        for (GatewayBatch.Entry entry : GatewayBatch.entries(gateway.source(), message.payload())) {
            TopicAddress reading = gateway.reading(entry.senderId());
            if (entry.problem() != null) {
                byte[] alone = GatewayBatch.entryAlone(gateway.source(), entry.senderId(), entry.raw());
                parts.add(new Part(reading, alone, null, DeadLetter.ofReading(entry.problem().reason(),
                        entry.problem().detail(), reading, alone, message.receivedAt())));
                continue;
            }
            for (byte[] bytes : entry.readings()) {
                parts.add(new Part(reading, bytes, null, null));
            }
        }
        return parts;
    }

    private static List<Part> statusParts(TopicAddress gateway, GatewayStatus status, long receivedAt,
            SenderRegistry registry) {
        List<Part> parts = new ArrayList<>();
        if (status.aboutGateway()) {
            boolean online = status.online();
            parts.add(statusPart(gateway, gateway.gatewayId(), status.ts(), online, receivedAt));
            Collection<String> behind = registry.devicesBehind(gateway.gatewayId());
            for (String device : behind) {
                parts.add(statusPart(gateway, device, status.ts(), online, receivedAt));
            }
            return parts;
        }
        for (String device : status.devices()) {
            if (!TopicAddress.isValidSenderId(device)) {
                TopicAddress reading = gateway.reading(device);
                DeviceStatus said = new DeviceStatus(device, status.ts(), status.connected(), receivedAt);
                byte[] alone = GatewayStatus.alone(said, gateway.gatewayId());
                parts.add(new Part(reading, alone, null, DeadLetter.ofReading(RejectReason.INVALID_SENDER_ID,
                        "a device id must be 1-" + TopicAddress.MAX_SENDER_ID_LENGTH
                                + " characters of [A-Za-z0-9._:-]", reading, alone, receivedAt)));
                continue;
            }
            parts.add(statusPart(gateway, device, status.ts(), status.connected(), receivedAt));
        }
        return parts;
    }

    private static Part statusPart(TopicAddress gateway, String device, long ts, boolean online, long receivedAt) {
        return new Part(gateway.reading(device), GatewayStatus.deviceStatus(ts, online),
                new DeviceStatus(device, ts, online, receivedAt), null);
    }
}
