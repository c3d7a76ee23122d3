package city.gridcommand.ingest;

/**
 * One message as taken from the broker, before decoding. {@code ack} tells the broker it is safe to
 * forget the message; it is called only once the message (or its dead letter) is in the database.
 */
public record InboundMessage(String topic, byte[] payload, long receivedAt, Runnable ack) {
}
