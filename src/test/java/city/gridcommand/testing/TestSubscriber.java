package city.gridcommand.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A consumer of what the service publishes, as another system would be: subscribes and keeps every payload. */
public final class TestSubscriber implements AutoCloseable {

    private final Mqtt5AsyncClient client;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private TestSubscriber(Mqtt5AsyncClient client) {
        this.client = client;
    }

    /** Connected and subscribed (QoS 1) when it returns. */
    public static TestSubscriber subscribe(String brokerUrl, String topicFilter) throws Exception {
        URI uri = URI.create(brokerUrl);
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier("sub-" + UUID.randomUUID())
                .serverHost(uri.getHost()).serverPort(uri.getPort()).buildAsync();
        TestSubscriber subscriber = new TestSubscriber(client);
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> subscriber.received.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)))
                .send().get(10, TimeUnit.SECONDS);
        return subscriber;
    }

    public List<String> received() {
        return received;
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
