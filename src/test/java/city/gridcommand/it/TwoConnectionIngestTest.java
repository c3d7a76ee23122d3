package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.TestPublisher;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Two connections splitting the feeds through a shared subscription: every message stored once. */
@QuarkusTest
@TestProfile(TwoConnectionIngestTest.TwoConnections.class)
class TwoConnectionIngestTest {

    /** The service with two MQTT connections. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a group of this run only: a broker keeps handing messages to the offline members of a group
            // whose sessions have not expired (Mosquitto does), so an earlier run's group would take some
            return Map.of("grid.mqtt.connections", "2", "grid.mqtt.shared-group",
                    "grid-test-" + java.util.UUID.randomUUID());
        }
    }

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    @Test
    void storesEveryMessageOnceWhateverConnectionItArrivesOn() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestPublisher device = TestPublisher.connect(brokerUrl)) {
            for (int i = 0; i < 400; i++) {
                assertThat(device.publish("grid/v1/sensors/two-" + run + "-" + (i % 20) + "/telemetry",
                        "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + (i / 20) + ",\"metrics\":{\"t\":1}}"))
                        .as("the broker took message %d", i).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            }
        }
        Db db = new Db(pool);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                db.count("SELECT count(*) FROM telemetry WHERE device_id LIKE $1", "two-" + run + "-%")).isEqualTo(400));
        assertThat(db.count("SELECT count(DISTINCT (device_id, seq)) FROM telemetry WHERE device_id LIKE $1",
                "two-" + run + "-%")).isEqualTo(400);
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
    }
}
