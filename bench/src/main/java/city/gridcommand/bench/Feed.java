package city.gridcommand.bench;

import com.hivemq.client.mqtt.datatypes.MqttTopic;

/**
 * What one connection publishes, message after message: devices alone ({@link DeviceFeed}) or a gateway's
 * batches ({@link GatewayBatch}). Used from one sender thread only.
 */
interface Feed {

    /** Most readings one message holds: 1 for a device publishing alone. */
    int batch();

    /** The next message, holding {@code readings} readings (1 to {@link #batch()}). */
    Message next(int readings);

    /** A topic and its payload. */
    record Message(MqttTopic topic, byte[] payload) {
    }
}
