package city.gridcommand.store;

/** A dead letter as kept: the payload bytes are those kept, {@code payloadSize} the size that arrived. */
public record StoredDeadLetter(long id, String reason, String detail, String topic, String source, String senderId,
        long receivedAt, byte[] payload, int payloadSize) {
}
