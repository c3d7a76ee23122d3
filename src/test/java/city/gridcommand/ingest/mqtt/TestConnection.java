package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.InboundMessage;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The service's MQTT connection as a test drives it: the real {@link MqttConnection} on its own event
 * loop, handing what it takes to a list instead of the pipeline and acknowledging each message at once
 * (what ingest does once a message is stored).
 */
final class TestConnection implements AutoCloseable {

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final MqttConnection connection;
    final List<String> received = new CopyOnWriteArrayList<>();

    TestConnection(MqttSettings settings, String sharedGroup) {
        connection = new MqttConnection(settings, settings.clientId(), sharedGroup, this::take, group,
                new MqttConnection.Limits(1000, 1 << 20, 65_536, 4096));
    }

    static TestConnection start(MqttSettings settings) {
        TestConnection test = new TestConnection(settings, null);
        test.connection.start();
        return test;
    }

    private void take(InboundMessage message) {
        received.add(message.topic() + " " + new String(message.payload(), StandardCharsets.UTF_8));
        message.ack().acknowledge();
    }

    ConnectionHealth health() {
        return connection.health();
    }

    io.netty.channel.Channel channel() {
        return connection.channel();
    }

    boolean healthy() {
        return connection.healthy();
    }

    @Override
    public void close() {
        connection.disconnect();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
