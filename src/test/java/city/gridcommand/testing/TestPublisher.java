package city.gridcommand.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A device or terminal as the tests play it: a real MQTT 5 client publishing at QoS 1. */
public final class TestPublisher implements AutoCloseable {

    private final Mqtt5BlockingClient client;

    private TestPublisher(Mqtt5BlockingClient client) {
        this.client = client;
    }

    public static TestPublisher connect(String brokerUrl) {
        return connect(brokerUrl, "test-" + UUID.randomUUID(), null, null);
    }

    public static TestPublisher connect(String brokerUrl, String clientId, String username, String password) {
        URI uri = URI.create(brokerUrl);
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost(uri.getHost()).serverPort(uri.getPort()).buildBlocking();
        var connect = client.connectWith();
        if (username != null) {
            connect.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        connect.send();
        return new TestPublisher(client);
    }

    /** Publishes at QoS 1 and waits for the broker's PUBACK; returns its reason code. */
    public Mqtt5PubAckReasonCode publish(String topic, byte[] payload) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload)
                    .send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    public Mqtt5PubAckReasonCode publish(String topic, String payload) {
        return publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes a retained message (device status is published retained). */
    public void publishRetained(String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
