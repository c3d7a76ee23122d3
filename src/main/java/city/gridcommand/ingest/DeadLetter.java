package city.gridcommand.ingest;

import java.util.Arrays;

/**
 * A message that could not be used, kept with the reason so that an operator can see what a device
 * sent and, once the cause is fixed, replay it. The payload is kept whole up to the payload limit (an
 * oversized one only its first bytes); {@code payloadSize} is the size that arrived.
 */
public record DeadLetter(RejectReason reason, String detail, String topic, String senderId, long receivedAt,
        byte[] payload, int payloadSize) {

    /**
     * Builds a dead letter. A payload within {@code maxPayloadBytes} is kept whole, so that the message can
     * be replayed; a larger one only its first {@code oversizedKept} bytes, enough to see what it was.
     */
    public static DeadLetter of(RejectedMessageException rejection, InboundMessage message, String senderId,
            int maxPayloadBytes, int oversizedKept) {
        int keep = message.payloadSize() <= maxPayloadBytes ? maxPayloadBytes : oversizedKept;
        return new DeadLetter(rejection.reason(), rejection.detail(), message.topic(), senderId,
                message.receivedAt(), kept(message.payload(), keep), message.payloadSize());
    }

    /** At most {@code maxKept} bytes of {@code raw}: all of it when it fits. */
    static byte[] kept(byte[] raw, int maxKept) {
        return raw.length <= maxKept ? raw : Arrays.copyOf(raw, maxKept);
    }
}
