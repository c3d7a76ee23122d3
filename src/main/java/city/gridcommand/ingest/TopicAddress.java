package city.gridcommand.ingest;

import city.gridcommand.signal.SignalSource;

/**
 * A topic taken apart: which feed it belongs to and who sent it. On a gateway's topic
 * ({@code grid/v1/gateways/{gatewayId}/{feed}}) the sender is the gateway itself, and {@code gatewayId}
 * names it; the address of each reading in its batch ({@link #reading}) keeps the gateway and names the
 * device (or terminal) behind it. {@code gatewayId} is null on a sender's own topic.
 */
public record TopicAddress(SignalSource source, String senderId, String gatewayId) {

    /** Longest device or worker id accepted; the same bound as the registry's column. */
    public static final int MAX_SENDER_ID_LENGTH = 64;

    /** The address of a sender's own topic. */
    public TopicAddress(SignalSource source, String senderId) {
        this(source, senderId, null);
    }

    /**
     * Parses {@code grid/v1/{collection}/{senderId}/{feed}}, or {@code grid/v1/gateways/{gatewayId}/{feed}}.
     *
     * @throws RejectedMessageException with {@link RejectReason#UNKNOWN_TOPIC} or {@link RejectReason#INVALID_SENDER_ID}
     */
    public static TopicAddress parse(String topic) throws RejectedMessageException {
        if (!topic.startsWith(SignalSource.TOPIC_ROOT)) {
            throw unknown(topic);
        }
        int collectionEnd = topic.indexOf('/', SignalSource.TOPIC_ROOT.length());
        int senderEnd = collectionEnd < 0 ? -1 : topic.indexOf('/', collectionEnd + 1);
        if (senderEnd < 0 || topic.indexOf('/', senderEnd + 1) >= 0) {
            throw unknown(topic);
        }
        String collection = topic.substring(SignalSource.TOPIC_ROOT.length(), collectionEnd);
        String feed = topic.substring(senderEnd + 1);
        boolean gateway = collection.equals(SignalSource.GATEWAYS);
        SignalSource source = gateway ? SignalSource.ofGatewayFeed(feed) : SignalSource.of(collection, feed);
        if (!source.isFeed()) {
            throw unknown(topic);
        }
        String senderId = topic.substring(collectionEnd + 1, senderEnd);
        if (!isValidSenderId(senderId)) {
            throw new RejectedMessageException(RejectReason.INVALID_SENDER_ID, (gateway ? "gateway" : "sender")
                    + " id in topic must be 1-" + MAX_SENDER_ID_LENGTH + " characters of [A-Za-z0-9._:-]");
        }
        return new TopicAddress(source, senderId, gateway ? senderId : null);
    }

    /** Whether this is a gateway's topic (or a reading from one). */
    public boolean viaGateway() {
        return gatewayId != null;
    }

    /** The address of one reading of this gateway's batch: the device or terminal {@code senderId} behind it. */
    public TopicAddress reading(String deviceId) {
        return new TopicAddress(source, deviceId, gatewayId);
    }

    /** Whether an id can be a topic level of a sender: 1-64 characters of [A-Za-z0-9._:-]. */
    public static boolean isValidSenderId(String id) {
        if (id.isEmpty() || id.length() > MAX_SENDER_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static RejectedMessageException unknown(String topic) {
        return new RejectedMessageException(RejectReason.UNKNOWN_TOPIC, "topic is not a grid/v1 feed");
    }
}
