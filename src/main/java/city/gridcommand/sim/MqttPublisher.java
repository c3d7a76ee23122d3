package city.gridcommand.sim;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttProxyProtocol;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's MQTT side, kept thin: one MQTT 5 connection publishing at QoS 1, counting the broker's
 * acknowledgements, with at most {@code window} messages unacknowledged so a slow broker slows the sender
 * instead of filling its memory. No automatic reconnect: a lost connection shows as failed publishes in the
 * progress line rather than as a silent stall.
 */
final class MqttPublisher implements AutoCloseable {

    private final Mqtt5AsyncClient client;
    private final Semaphore window;
    private final int windowSize;
    private final Deliveries deliveries;

    private MqttPublisher(Mqtt5AsyncClient client, int windowSize, Deliveries deliveries) {
        this.client = client;
        this.windowSize = windowSize;
        this.window = new Semaphore(windowSize);
        this.deliveries = deliveries;
    }

    /**
     * Connects (clean start: a publisher has no session worth keeping) to a URL that
     * {@link SimulateOptions} has checked; throws {@link IllegalStateException} if the broker cannot be reached.
     */
    static MqttPublisher connect(String url, String username, String password, int window, Deliveries deliveries) {
        Mqtt5AsyncClient client = client(url, "grid-sim-" + ProcessHandle.current().pid(), username, password, null);
        connect(client, url, client.connectWith().cleanStart(true));
        return new MqttPublisher(client, window, deliveries);
    }

    /**
     * Connects as gateway {@code gatewayId} (its client id), with its last will: {@code will} retained at QoS 1
     * on {@code willTopic}. With an {@code uplink} (a SOCKS5 proxy, {@link GatewayUplink}) the connection goes
     * through it, so that cutting it kills the connection as a dying gateway's is killed.
     */
    static MqttPublisher connectGateway(String url, String username, String password, int window,
            Deliveries deliveries, String gatewayId, String willTopic, byte[] will, InetSocketAddress uplink) {
        Mqtt5AsyncClient client = client(url, gatewayId, username, password, uplink);
        connect(client, url, client.connectWith().cleanStart(true).willPublish().topic(willTopic)
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(will).applyWillPublish());
        return new MqttPublisher(client, window, deliveries);
    }

    private static Mqtt5AsyncClient client(String url, String clientId, String username, String password,
            InetSocketAddress proxy) {
        URI uri = URI.create(url);
        boolean tls = SimulateOptions.isTls(uri);
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder().serverHost(uri.getHost())
                .serverPort(uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883);
        if (tls) {
            transport = transport.sslWithDefaultConfig();
        }
        if (proxy != null) {
            transport = transport.proxyConfig().protocol(MqttProxyProtocol.SOCKS_5).address(proxy).applyProxyConfig();
        }
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .transportConfig(transport.build());
        if (username != null) {
            builder = builder.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return builder.buildAsync();
    }

    private static void connect(Mqtt5AsyncClient client, String url, Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect) {
        try {
            connect.send().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Publishes at QoS 1; waits first while the window of unacknowledged messages is full. */
    void publish(CityMessage message) {
        window.acquireUninterruptibly();
        client.publishWith().topic(message.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(message.retained())
                .payload(message.payload()).send()
                .whenComplete((result, error) -> {
                    if (error == null) {
                        deliveries.acked();
                    } else {
                        deliveries.failed(error);
                    }
                    window.release();
                });
    }

    /** Waits until every message published so far is acknowledged or failed; false on timeout. */
    boolean drain(Duration timeout) throws InterruptedException {
        if (!window.tryAcquire(windowSize, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        window.release(windowSize);
        return true;
    }

    @Override
    public void close() {
        client.disconnect().exceptionally(e -> null).join();
    }
}
