package city.gridcommand.signal;

import java.util.List;
import java.util.Locale;

/**
 * The MQTT feeds of contract section 1, each with the topic family it arrives on.
 * {@link #UNKNOWN} stands for a topic that matches none of them; it only appears in counters.
 */
public enum SignalSource {
    TELEMETRY("sensors", "telemetry"),
    DETECTION("cameras", "detections"),
    WORKER_LOCATION("workers", "location"),
    WORKER_REPORT("workers", "reports"),
    WORKER_ACK("workers", "acks"),
    DEVICE_STATUS("devices", "status"),
    UNKNOWN("", "");

    /** The common prefix of every topic the service subscribes to. */
    public static final String TOPIC_ROOT = "grid/v1/";

    /** The topic level of gateways: {@code grid/v1/gateways/{gatewayId}/{feed}}. */
    public static final String GATEWAYS = "gateways";

    /** The feeds a gateway publishes for the devices (or terminals) behind it, in contract order. */
    private static final List<SignalSource> GATEWAY_FEEDS = List.of(TELEMETRY, DETECTION, WORKER_ACK, DEVICE_STATUS);

    /** The real feeds, in contract order; resolved once, as {@link #of} runs for every message. */
    private static final List<SignalSource> FEEDS =
            List.of(TELEMETRY, DETECTION, WORKER_LOCATION, WORKER_REPORT, WORKER_ACK, DEVICE_STATUS);

    private final String collection;
    private final String feed;
    private final String label;

    SignalSource(String collection, String feed) {
        this.collection = collection;
        this.feed = feed;
        this.label = name().toLowerCase(Locale.ROOT);
    }

    /** The MQTT topic filter for this feed, e.g. {@code grid/v1/sensors/+/telemetry}. */
    public String topicFilter() {
        return TOPIC_ROOT + collection + "/+/" + feed;
    }

    /** The topic a sender publishes this feed on, e.g. {@code grid/v1/sensors/smk-1/telemetry}. */
    public String topicOf(String senderId) {
        return TOPIC_ROOT + collection + "/" + senderId + "/" + feed;
    }

    /** The MQTT topic filter of this feed from gateways, e.g. {@code grid/v1/gateways/+/telemetry}. */
    public String gatewayTopicFilter() {
        return TOPIC_ROOT + GATEWAYS + "/+/" + feed;
    }

    /** The topic a gateway publishes this feed on, e.g. {@code grid/v1/gateways/lora-1/telemetry}. */
    public String gatewayTopicOf(String gatewayId) {
        return TOPIC_ROOT + GATEWAYS + "/" + gatewayId + "/" + feed;
    }

    /** Whether a gateway may publish this feed for the devices or terminals behind it. */
    public boolean isGatewayFeed() {
        return GATEWAY_FEEDS.contains(this);
    }

    /** The gateway feed for a topic's last level ({@code telemetry}, {@code detections}, {@code acks}, {@code status}), or {@link #UNKNOWN}. */
    public static SignalSource ofGatewayFeed(String feed) {
        for (SignalSource source : GATEWAY_FEEDS) {
            if (source.feed.equals(feed)) {
                return source;
            }
        }
        return UNKNOWN;
    }

    /** The feeds gateways publish, in contract order. */
    public static List<SignalSource> gatewayFeeds() {
        return GATEWAY_FEEDS;
    }

    /** Lower-case name used in the REST counters and metric tags. */
    public String label() {
        return label;
    }

    /** Whether this source is a real feed (everything but {@link #UNKNOWN}). */
    public boolean isFeed() {
        return this != UNKNOWN;
    }

    /** Finds the feed for a topic's collection and feed segments, or {@link #UNKNOWN}. */
    public static SignalSource of(String collection, String feed) {
        for (SignalSource source : FEEDS) {
            if (source.collection.equals(collection) && source.feed.equals(feed)) {
                return source;
            }
        }
        return UNKNOWN;
    }

    /** All real feeds, in contract order. */
    public static List<SignalSource> feeds() {
        return FEEDS;
    }
}
