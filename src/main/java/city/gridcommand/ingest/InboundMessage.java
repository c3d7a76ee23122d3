package city.gridcommand.ingest;

/**
 * One message as taken from the broker, before decoding. {@code ack} tells the broker it is safe to
 * forget the message, only once the message (or its dead letter) is in the database.
 *
 * @param payload     the payload, or only its first bytes when it was too large to keep
 * @param payloadSize the size of the payload as sent
 */
public record InboundMessage(String topic, byte[] payload, int payloadSize, long receivedAt, Acknowledgement ack) {

    /** A message whose whole payload is at hand. */
    public InboundMessage(String topic, byte[] payload, long receivedAt, Acknowledgement ack) {
        this(topic, payload, payload.length, receivedAt, ack);
    }
}
