package city.gridcommand.ingest;

import city.gridcommand.signal.DeviceStatus;
import java.util.Arrays;

/**
 * A message that could not be used, kept with the reason so that an operator can see what a device
 * sent and, once the cause is fixed, replay it. The payload is kept whole up to the payload limit (an
 * oversized one only its first bytes); {@code payloadSize} is the size that arrived. {@code gatewayId}
 * names the gateway it came through (null: its sender's own topic); a refused reading of a gateway's batch
 * is kept as a batch of that one reading, on the gateway's topic, so it replays as it is.
 */
public record DeadLetter(RejectReason reason, String detail, String topic, String senderId, long receivedAt,
        byte[] payload, int payloadSize, String gatewayId) {

    /**
     * Builds the dead letter of a whole message. A payload within {@code maxPayloadBytes} is kept whole, so
     * that the message can be replayed; a larger one only its first {@code oversizedKept} bytes, enough to
     * see what it was.
     */
    public static DeadLetter of(RejectedMessageException rejection, InboundMessage message, String senderId,
            String gatewayId, int maxPayloadBytes, int oversizedKept) {
        int keep = message.payloadSize() <= maxPayloadBytes ? maxPayloadBytes : oversizedKept;
        return new DeadLetter(rejection.reason(), rejection.detail(), message.topic(), senderId,
                message.receivedAt(), kept(message.payload(), keep), message.payloadSize(), gatewayId);
    }

    /** The dead letter of one reading of a gateway's batch, kept as a batch of its own ({@code alone}). */
    static DeadLetter ofReading(RejectReason reason, String detail, TopicAddress reading, byte[] alone,
            long receivedAt) {
        return new DeadLetter(reason, "via gateway '" + reading.gatewayId() + "', " + noun(reading) + " '"
                + reading.senderId() + "': " + detail, reading.source().gatewayTopicOf(reading.gatewayId()),
                reading.senderId(), receivedAt, alone, alone.length, reading.gatewayId());
    }

    /**
     * The dead letter of a decoded message the store would not keep ({@code store_rejected},
     * {@code conflicting_duplicate}): on its sender's topic with its payload, or, for a reading of a
     * gateway's batch, as that batch of one.
     */
    public static DeadLetter ofItem(PendingItem item, RejectReason reason, String detail, int maxKept) {
        String sender = item.signal().senderId();
        long receivedAt = item.signal().receivedAt();
        if (item.gateway() != null) {
            TopicAddress reading = new TopicAddress(item.source(), sender, item.gateway());
            byte[] alone = item.signal() instanceof DeviceStatus status ? GatewayStatus.alone(status, item.gateway())
                    : GatewayBatch.alone(item.source(), sender, item.payload());
            return ofReading(reason, detail, reading, alone, receivedAt);
        }
        byte[] raw = item.payload();
        return new DeadLetter(reason, detail, item.source().topicOf(sender), sender, receivedAt, kept(raw, maxKept),
                raw.length, null);
    }

    /** At most {@code maxKept} bytes of {@code raw}: all of it when it fits. */
    static byte[] kept(byte[] raw, int maxKept) {
        return raw.length <= maxKept ? raw : Arrays.copyOf(raw, maxKept);
    }

    private static String noun(TopicAddress reading) {
        return switch (reading.source()) {
            case WORKER_ACK, WORKER_LOCATION, WORKER_REPORT -> "worker";
            default -> "device";
        };
    }
}
