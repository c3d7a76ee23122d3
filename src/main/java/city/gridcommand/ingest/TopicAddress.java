package city.gridcommand.ingest;

import city.gridcommand.signal.SignalSource;

/** A topic taken apart: which feed it belongs to and who sent it. */
public record TopicAddress(SignalSource source, String senderId) {

    /** Longest device or worker id accepted; the same bound as the registry's column. */
    public static final int MAX_SENDER_ID_LENGTH = 64;

    /**
     * Parses {@code grid/v1/{collection}/{senderId}/{feed}}.
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
        SignalSource source = SignalSource.of(topic.substring(SignalSource.TOPIC_ROOT.length(), collectionEnd),
                topic.substring(senderEnd + 1));
        if (!source.isFeed()) {
            throw unknown(topic);
        }
        String senderId = topic.substring(collectionEnd + 1, senderEnd);
        if (!isValidSenderId(senderId)) {
            throw new RejectedMessageException(RejectReason.INVALID_SENDER_ID,
                    "sender id in topic must be 1-" + MAX_SENDER_ID_LENGTH + " characters of [A-Za-z0-9._:-]");
        }
        return new TopicAddress(source, senderId);
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
