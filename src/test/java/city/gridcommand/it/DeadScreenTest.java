package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.screen.ScreenFeed;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.ScreenClient;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats: the server pings every screen; one that answers (the JDK client, like a browser, answers
 * pings while it reads) stays open, one that answers nothing for {@code grid.screen.dead-after} is closed
 * with 1001, here with pings every second and a dead-after of three.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
@TestProfile(DeadScreenTest.QuickPings.class)
class DeadScreenTest {

    /** Pings every second; three seconds without an answer is dead. */
    public static class QuickPings implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.websockets-next.server.auto-ping-interval", "1s", "grid.screen.dead-after", "3s");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI root;

    @Inject
    ScreenFeed feed;

    @Test
    void aScreenThatAnswersNoPingIsClosedAndOneThatAnswersStays() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(SmallCity.geoJson())
                .put("/api/v1/grids").then().statusCode(200);
        try (ScreenClient answering = ScreenClient.open(root, "scope=" + SmallCity.DISTRICT,
                TestTokens.screen(SmallCity.DISTRICT));
                ScreenClient silent = ScreenClient.stalled(root, "scope=" + SmallCity.DISTRICT,
                        TestTokens.screen(SmallCity.DISTRICT))) {
            await().atMost(WAIT).until(() -> !answering.ofType("snapshot").isEmpty() && feed.screens() == 2);
            await().atMost(WAIT).until(() -> feed.screens() == 1);
            assertThat(answering.isClosed()).as("the screen that answers the pings").isFalse();
            silent.resume();
            assertThat(silent.closeCode(WAIT)).isEqualTo(1001);
            assertThat(silent.closeReason()).isEqualTo("no answer to pings");
        }
    }
}
