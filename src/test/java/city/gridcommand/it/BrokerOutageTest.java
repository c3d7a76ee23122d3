package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import city.gridcommand.testing.SilentBroker;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broker is there at the TCP level and never answers (a hung broker, a half-open load balancer):
 * ingest gives up on each attempt after the CONNACK timeout and tries again with back-off, its health
 * group says so, and once that has lasted past the liveness timeout liveness fails, so the orchestrator
 * restarts the instance. All the while the REST API stays ready: the hotline needs only PostgreSQL.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.HungBroker.class)
class BrokerOutageTest {

    /** The service pointed at a broker that never answers, with short timeouts. */
    public static class HungBroker implements QuarkusTestProfile {

        static final SilentBroker BROKER = SilentBroker.start();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.mqtt.url", BROKER.url(), "grid.mqtt.connack-timeout", "PT0.5S",
                    "grid.mqtt.reconnect-delay", "PT0.1S", "grid.mqtt.max-reconnect-delay", "PT0.5S",
                    "grid.mqtt.liveness-timeout", "PT5S");
        }
    }

    @TestHTTPResource(value = "/health/group/ingest", management = true)
    URL ingestHealth;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void theApiStaysReadyWhileIngestCannotReachTheBrokerAndLivenessFailsOnceThatLasts() {
        // the broker also sees the event publisher's connection: wait on ingest's own count of failed attempts
        await().atMost(Duration.ofSeconds(20)).until(() -> HungBroker.BROKER.accepted() >= 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) given().get(ingestHealth).then().extract()
                .jsonPath().getMap("checks.find { it.name == 'MQTT ingest' }.data").get("connectFailures"))
                .longValue() >= 3);

        JsonPath ingest = given().get(ingestHealth).then().statusCode(503)
                .body("status", equalTo("DOWN")).extract().jsonPath();
        Map<String, Object> data = ingest.getMap("checks.find { it.name == 'MQTT ingest' }.data");
        assertThat(data.values()).anySatisfy(value -> assertThat(String.valueOf(value))
                .startsWith("no session since ").endsWith("no CONNACK within 500 ms"));
        assertThat(((Number) data.get("connectFailures")).longValue()).isGreaterThanOrEqualTo(3);
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        assertThat(given().get(metrics).then().statusCode(200).extract().asString())
                .contains("grid_ingest_up 0.0");

        // the hotline takes a call
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids").then().statusCode(200);
        String hotline = TestTokens.builder().subject("hotline").roles("service").cells(TestTokens.DISTRICT).sign();
        given().auth().oauth2(hotline).contentType(ContentType.JSON).body("{\"category\":\"illegal_advertising\",\"cell\":\""
                + SmallCity.WEST_CELL + "\",\"description\":\"leaflets\",\"reporter\":\"caller-outage\"}")
                .post("/api/v1/events").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(live).then()
                .statusCode(503).body("checks.find { it.name == 'MQTT ingest reaches the broker' }.status",
                        equalTo("DOWN")));
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
    }
}
