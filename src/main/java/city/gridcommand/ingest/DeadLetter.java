package city.gridcommand.ingest;

import java.util.Arrays;

/**
 * A message that could not be used, kept with the reason so that an operator can see what a device
 * sent. The payload is cut to a bounded size; {@code payloadSize} is the size that arrived.
 */
public record DeadLetter(RejectReason reason, String detail, String topic, String senderId, long receivedAt,
        byte[] payload, int payloadSize) {

    /** Builds a dead letter, keeping at most {@code maxKept} bytes of the payload. */
    public static DeadLetter of(RejectedMessageException rejection, InboundMessage message, String senderId,
            int maxKept) {
        return new DeadLetter(rejection.reason(), rejection.detail(), message.topic(), senderId,
                message.receivedAt(), kept(message.payload(), maxKept), message.payloadSize());
    }

    /** At most {@code maxKept} bytes of {@code raw}: all of it when it fits. */
    static byte[] kept(byte[] raw, int maxKept) {
        return raw.length <= maxKept ? raw : Arrays.copyOf(raw, maxKept);
    }
}
