package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.screen.ScreenFeed;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.ScreenClient;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A screen that stops reading never slows ingest or other screens: its queue fills, it is closed with 4408
 * (which it reads once it reads again), while another screen of the same scope receives every change and
 * signals go on being stored and raising events.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
@TestProfile(StalledScreenTest.SmallQueues.class)
class StalledScreenTest {

    /** Small per-connection queues and a small socket send buffer, so a stall shows after a few changes. */
    public static class SmallQueues implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.screen.queue-messages", "16", "grid.screen.queue-bytes", "65536",
                    "test.http.send-buffer", "4096");
        }
    }

    private static final String STREET_TWO = "440305002";
    private static final String ADMIN = TestTokens.admin();
    private static final String HOTLINE = TestTokens.builder().subject("hotline-stall").roles("service")
            .cells(SmallCity.DISTRICT).sign();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URI root;

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    ScreenFeed feed;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void aStalledScreenIsClosedWith4408WhileAnotherKeepsReceivingAndIngestGoesOn() {
        as(ADMIN).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids").then().statusCode(200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (ScreenClient stalled = ScreenClient.stalled(root, "scope=" + STREET_TWO, TestTokens.screen(STREET_TWO));
                ScreenClient reading = ScreenClient.open(root, "scope=" + STREET_TWO, TestTokens.screen(STREET_TWO))) {
            await().atMost(WAIT).until(() -> !reading.ofType("snapshot").isEmpty());
            await().atMost(WAIT).until(() -> feed.screens() == 2);
            String id = null;
            int calls = 0;
            // the same hotline case joined again and again: one change each
            while (feed.screens() == 2 && calls < 3000) {
                id = as(HOTLINE).contentType(ContentType.JSON).body("{\"category\":\"road_occupation\",\"cell\":\""
                        + SmallCity.CELL_3 + "\",\"reporter\":\"caller-" + run + "-" + calls + "\"}")
                        .post("/api/v1/events").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract()
                        .jsonPath().getString("id");
                calls++;
            }
            assertThat(feed.screens()).as("the stalled screen was closed after %d changes", calls).isEqualTo(1);
            stalled.resume();
            assertThat(stalled.closeCode(WAIT)).isEqualTo(4408);
            assertThat(stalled.closeReason()).isEqualTo("too slow, resume with since");

            String last = id;
            int made = calls;
            await().atMost(WAIT).until(() -> reading.changes().stream()
                    .filter(m -> last.equals(m.getJsonObject("data").getString("id"))).count() >= made);
            assertThat(reading.isClosed()).isFalse();

            // ingest goes on: a signal of the street still raises its event on the reading screen
            String sensor = "smk-stall-" + run;
            as(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"lat\":22.51,\"lon\":114.035}")
                    .put("/api/v1/devices/" + sensor).then().statusCode(201);
            try (TestPublisher publisher = TestPublisher.connect(brokerUrl)) {
                publisher.publish("grid/v1/sensors/" + sensor + "/telemetry", "{\"ts\":" + System.currentTimeMillis()
                        + ",\"seq\":1,\"metrics\":{\"smoke\":0.8}}");
            }
            await().atMost(WAIT).until(() -> reading.changes().stream()
                    .anyMatch(m -> m.getJsonObject("data").getJsonArray("sources").contains("sensor:" + sensor)));
            as(TestTokens.dispatcher(SmallCity.DISTRICT)).contentType(ContentType.JSON)
                    .body("{\"action\":\"refuse\",\"note\":\"test over\"}")
                    .post("/api/v1/events/" + last + "/transitions");
        }
    }
}
