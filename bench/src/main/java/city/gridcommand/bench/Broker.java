package city.gridcommand.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Where the broker is and how to log in: the options both tools share. */
record Broker(String host, int port, String username, String password) {

    static final String OPTIONS = "--host=127.0.0.1 --port=1883 [--username=U --password=P]";

    static Broker from(Args args) {
        return new Broker(
                args.string("host", "127.0.0.1"),
                args.intValue("port", 1883),
                args.string("username", null),
                args.string("password", null));
    }

    /** An MQTT 5 async client for this broker, not yet connected; no automatic reconnect. */
    Mqtt5AsyncClient client(String clientId) {
        return client(clientId, null);
    }

    /** The same, telling {@code onDisconnected} whenever a connection or connect attempt ends. */
    Mqtt5AsyncClient client(String clientId, MqttClientDisconnectedListener onDisconnected) {
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(host)
                .serverPort(port);
        if (onDisconnected != null) {
            builder = builder.addDisconnectedListener(onDisconnected);
        }
        return builder.buildAsync();
    }

    /** Connects with clean start and no session expiry; throws with a readable reason on failure. */
    Mqtt5ConnAck connect(Mqtt5AsyncClient client) {
        Mqtt5ConnectBuilder.Send<java.util.concurrent.CompletableFuture<Mqtt5ConnAck>> connect =
                client.connectWith().cleanStart(true).sessionExpiryInterval(0).keepAlive(30);
        if (username != null) {
            var auth = connect.simpleAuth().username(username);
            if (password != null) {
                auth = auth.password(password.getBytes(StandardCharsets.UTF_8));
            }
            connect = auth.applySimpleAuth();
        }
        try {
            return connect.send().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(
                    "cannot connect to mqtt://" + host + ":" + port + " as " + clientId(client) + ": " + cause, cause);
        }
    }

    private static String clientId(Mqtt5AsyncClient client) {
        return client.getConfig().getClientIdentifier().map(Object::toString).orElse("?");
    }
}
