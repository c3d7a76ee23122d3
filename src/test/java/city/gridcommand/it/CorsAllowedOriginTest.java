package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import city.gridcommand.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A listed origin ({@code quarkus.http.cors.origins}, QUARKUS_HTTP_CORS_ORIGINS) may call the API from a
 * browser: its preflight is allowed, with the Authorization header a bearer token needs; an unlisted
 * origin still is not.
 */
@QuarkusTest
@TestProfile(CorsAllowedOriginTest.ScreenOrigin.class)
class CorsAllowedOriginTest {

    static final String SCREEN = "https://screen.example";

    /** The command screen's origin listed. */
    public static class ScreenOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", SCREEN);
        }
    }

    @Test
    void aPreflightFromTheListedOriginIsAllowed() {
        given().header("Origin", SCREEN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/events").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(SCREEN))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
    }

    @Test
    void aCallFromTheListedOriginIsAllowed() {
        given().header("Origin", SCREEN).auth().oauth2(TestTokens.dispatcher(TestTokens.DISTRICT))
                .get("/api/v1/categories").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(SCREEN));
    }

    @Test
    void anotherOriginIsStillNotAllowed() {
        given().header("Origin", CorsTest.EVIL).header("Access-Control-Request-Method", "POST")
                .options("/api/v1/events").then()
                .header("Access-Control-Allow-Origin", not(equalTo(CorsTest.EVIL)));
    }
}
