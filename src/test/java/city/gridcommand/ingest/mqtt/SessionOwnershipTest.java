package city.gridcommand.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.gridcommand.it.process.MosquittoFromConfig;
import city.gridcommand.testing.TestPublisher;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's MQTT session is its own, against a Mosquitto configured by {@code mqtt-config/}: a device
 * credential that connects with the service's client id is given its own id on the devices' listener and
 * refused on the service's, and the service's connection never notices.
 */
class SessionOwnershipTest {

    private static final String SERVICE_ID = "grid-command-0";
    private static final String TELEMETRY = "grid/v1/sensors/smk-own/telemetry";

    @Test
    void aDeviceCredentialUsingTheServicesClientIdCannotDisturbItsSession(@TempDir Path folder) throws Exception {
        assumeTrue(MosquittoFromConfig.available(), "needs mosquitto to check mqtt-config");
        try (MosquittoFromConfig mosquitto = MosquittoFromConfig.start(folder,
                        Map.of("grid-command", "svc-secret", "smk-own", "dev-secret"), List.of("sensor:smk-own"));
                TestConnection service = TestConnection.start(TestMqttSettings.of(mosquitto.serviceUrl(), SERVICE_ID)
                        .withCredentials("grid-command", "svc-secret"))) {
            await().until(service::healthy);
            long sessions = service.health().sessionsStarted();

            try (TestPublisher device = TestPublisher.connect(mosquitto.url(), SERVICE_ID, "smk-own", "dev-secret")) {
                assertThat(device.publish(TELEMETRY, "{\"m\":1}")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
                await().until(() -> service.received.contains(TELEMETRY + " {\"m\":1}"));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(
                        () -> service.healthy() && service.health().sessionsStarted() == sessions);
                assertThat(device.publish(TELEMETRY, "{\"m\":2}")).as("the device keeps its own connection too")
                        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
                await().until(() -> service.received.contains(TELEMETRY + " {\"m\":2}"));
            }

            assertThatThrownBy(() -> TestPublisher.connect(mosquitto.serviceUrl(), SERVICE_ID, "smk-own", "dev-secret"))
                    .as("a device credential on the service's listener").isInstanceOf(Mqtt5ConnAckException.class);
            assertThat(service.healthy()).isTrue();
            assertThat(service.health().sessionsStarted()).isEqualTo(sessions);
        }
    }
}
