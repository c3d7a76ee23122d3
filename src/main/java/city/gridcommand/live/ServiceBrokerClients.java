package city.gridcommand.live;

import city.gridcommand.ingest.mqtt.MqttSettings;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The service's own MQTT connections for what it publishes and fans out (not ingest's, which has its own
 * client): one connection per purpose, client id {@code {clientId}-{purpose}}, the broker address and
 * credentials of {@link MqttSettings}, reconnecting in the background (200 ms to 5 s). They start clean:
 * whoever subscribes does so in an {@code onConnected} listener, so every reconnect subscribes again.
 */
public final class ServiceBrokerClients {

    private ServiceBrokerClients() {
    }

    /** A client for {@code purpose} ({@code events}, {@code live}, …), not yet connected. */
    public static Mqtt5AsyncClient build(MqttSettings settings, String purpose, MqttClientConnectedListener onConnected) {
        URI uri = URI.create(settings.url());
        boolean tls = "ssl".equals(uri.getScheme()) || "mqtts".equals(uri.getScheme());
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier(settings.clientId() + "-" + purpose)
                .serverHost(uri.getHost()).serverPort(uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883)
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect();
        if (onConnected != null) {
            builder = builder.addConnectedListener(onConnected);
        }
        if (settings.username().isPresent()) {
            builder = builder.simpleAuth(Mqtt5SimpleAuth.builder().username(settings.username().get())
                    .password(settings.password().orElse("").getBytes(StandardCharsets.UTF_8)).build());
        }
        return (tls ? builder.sslWithDefaultConfig() : builder).buildAsync();
    }
}
