package city.gridcommand.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A worker's field terminal as the alert tests play it: a real MQTT 5 client with a persistent session
 * (clean start off, session expiry 300 s) subscribed at QoS 1 to {@code grid/v1/workers/{id}/alerts}, so that
 * what the broker took while it was away reaches it when it connects again.
 */
public final class TestTerminal implements AutoCloseable {

    private final String brokerUrl;
    private final String person;
    private final String clientId;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private Mqtt5AsyncClient client;

    private TestTerminal(String brokerUrl, String person, String clientId) {
        this.brokerUrl = brokerUrl;
        this.person = person;
        this.clientId = clientId;
    }

    /** Connected and subscribed when it returns. */
    public static TestTerminal connect(String brokerUrl, String person) throws Exception {
        TestTerminal terminal = new TestTerminal(brokerUrl, person, "terminal-" + person);
        terminal.reconnect();
        return terminal;
    }

    public synchronized void reconnect() throws Exception {
        URI uri = URI.create(brokerUrl);
        client = MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost(uri.getHost())
                .serverPort(uri.getPort()).buildAsync();
        client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL,
                p -> received.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        client.connectWith().cleanStart(false).sessionExpiryInterval(300).send().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter("grid/v1/workers/" + person + "/alerts").qos(MqttQos.AT_LEAST_ONCE).send()
                .get(10, TimeUnit.SECONDS);
    }

    /** Goes away, keeping its session at the broker. */
    public synchronized void disconnect() throws Exception {
        client.disconnect().get(10, TimeUnit.SECONDS);
    }

    public List<String> received() {
        return received;
    }

    @Override
    public synchronized void close() {
        if (client != null && client.getState().isConnected()) {
            client.disconnectWith().sessionExpiryInterval(0).send();
        }
    }
}
