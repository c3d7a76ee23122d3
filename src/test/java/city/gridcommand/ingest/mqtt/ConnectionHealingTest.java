package city.gridcommand.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.testing.SilentBroker;
import city.gridcommand.testing.TestPublisher;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's MQTT connection against brokers that misbehave as real ones do: one that never answers
 * CONNECT, one that refuses a feed until its ACL is fixed, one that kept an older session.
 */
class ConnectionHealingTest {

    private static final String DETECTIONS = "grid/v1/cameras/+/detections";

    @TempDir
    static Path folder;

    private static AuthorizingBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = AuthorizingBroker.start(folder);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void aBrokerThatAcceptsTcpButNeverAnswersIsLeftAfterTheConnackTimeoutAndTriedAgain() {
        try (SilentBroker silent = SilentBroker.start();
                TestConnection connection = TestConnection.start(TestMqttSettings.of(silent.url(), "svc-silent")
                        .withConnackTimeout(Duration.ofMillis(300)))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> silent.accepted() >= 3 && silent.closedByClient() >= 2);

            assertThat(connection.health().sessionUp()).isFalse();
            assertThat(connection.health().connectFailures()).isGreaterThanOrEqualTo(2);
            assertThat(connection.health().describe()).startsWith("no session since ")
                    .endsWith("no CONNACK within 300 ms");
            assertThat(connection.health().downForNanos(System.nanoTime())).isPositive();
            assertThat(connection.channel().config().getOption(ChannelOption.SO_KEEPALIVE)).isTrue();
            assertThat(connection.channel().config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE)))
                    .as("TCP keepalive probes after the MQTT keep-alive's idle time").isEqualTo(60);
        }
    }

    @Test
    void aRefusedFeedIsCountedShownAndAskedForAgainUntilTheBrokerGrantsIt() {
        broker.refuses = DETECTIONS::equals;
        try (TestConnection connection = TestConnection.start(TestMqttSettings.of(broker.url(), "svc-refused"))) {
            await().until(() -> connection.health().subscriptionsRefused() >= 2);
            assertThat(connection.healthy()).isFalse();
            assertThat(connection.health().sessionUp()).isTrue();
            assertThat(connection.health().refusedFeeds()).containsExactly(DETECTIONS + " (0x87)");
            assertThat(connection.health().describe()).isEqualTo("session up, the broker refused " + DETECTIONS
                    + " (0x87)");
            assertThat(broker.asked).as("asked again for the refused feed only")
                    .filteredOn(asked -> asked.startsWith("svc-refused ")).contains("svc-refused " + DETECTIONS)
                    .filteredOn(asked -> asked.equals("svc-refused grid/v1/sensors/+/telemetry")).hasSize(1);

            broker.refuses = filter -> false; // the ACL is fixed
            await().until(connection::healthy);
            assertThat(connection.health().refusedFeeds()).isEmpty();
            publish("grid/v1/cameras/cam-1/detections", "{\"fixed\":1}");
            await().until(() -> connection.received.contains("grid/v1/cameras/cam-1/detections {\"fixed\":1}"));
        } finally {
            broker.refuses = filter -> false;
        }
    }

    @Test
    void subscribesOnEveryConnectSoAFeedMissingFromAKeptSessionIsAdded() {
        // the session an older version of the service left: telemetry only, kept by the broker
        URI uri = URI.create(broker.url());
        Mqtt5BlockingClient older = MqttClient.builder().useMqttVersion5().identifier("svc-kept")
                .serverHost(uri.getHost()).serverPort(uri.getPort()).buildBlocking();
        older.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
        older.subscribeWith().topicFilter("grid/v1/sensors/+/telemetry").qos(MqttQos.AT_LEAST_ONCE).send();
        older.disconnect();

        try (TestConnection connection = TestConnection.start(TestMqttSettings.of(broker.url(), "svc-kept"))) {
            await().until(connection::healthy);
            publish("grid/v1/cameras/cam-2/detections", "{\"new\":1}");
            await().until(() -> connection.received.contains("grid/v1/cameras/cam-2/detections {\"new\":1}"));
        }
    }

    @Test
    void subscribingAgainToAKeptSessionDoesNotReplayEveryRetainedStatus() {
        try (TestPublisher device = TestPublisher.connect(broker.url())) {
            device.publishRetained("grid/v1/devices/dev-r/status", "{\"online\":true}");
        }
        String status = "grid/v1/devices/dev-r/status {\"online\":true}";
        try (TestConnection first = TestConnection.start(TestMqttSettings.of(broker.url(), "svc-retained"))) {
            await().until(() -> first.received.contains(status)); // a new subscription gets it
        }
        try (TestConnection again = TestConnection.start(TestMqttSettings.of(broker.url(), "svc-retained"))) {
            await().until(again::healthy);
            assertThat(broker.asked).filteredOn("svc-retained grid/v1/devices/+/status"::equals).hasSize(2);
            publish("grid/v1/sensors/after/telemetry", "{\"after\":1}");
            await().until(() -> again.received.contains("grid/v1/sensors/after/telemetry {\"after\":1}"));
            assertThat(again.received).doesNotContain(status);
        }
    }

    private static void publish(String topic, String payload) {
        try (TestPublisher device = TestPublisher.connect(broker.url())) {
            device.publish(topic, payload);
        }
    }
}
