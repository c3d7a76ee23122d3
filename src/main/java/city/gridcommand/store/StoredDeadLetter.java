package city.gridcommand.store;

/**
 * A dead letter as kept: {@code payload} holds the bytes read (all that was kept, or the first ones for a
 * list page), {@code payloadSize} the size that arrived; {@code replayedAt} is when a replay made its
 * message durable again (epoch ms), or null; {@code gatewayId} the gateway it came through, or null.
 */
public record StoredDeadLetter(long id, String reason, String detail, String topic, String source, String senderId,
        long receivedAt, byte[] payload, int payloadSize, Long replayedAt, String gatewayId) {
}
