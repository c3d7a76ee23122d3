package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;

import city.gridcommand.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Cross-origin calls are closed by default: CORS is on ({@code quarkus.http.cors.enabled=true}) with no
 * origin configured, so a page served from another origin gets no {@code Access-Control-Allow-Origin} for
 * itself, neither on a preflight nor on a plain call ({@link CorsAllowedOriginTest}: a listed origin is allowed).
 */
@QuarkusTest
class CorsTest {

    static final String EVIL = "https://evil.example";

    @Test
    void aPreflightFromAnUnlistedOriginIsNotAllowed() {
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/events").then()
                .header("Access-Control-Allow-Origin", not(equalTo(EVIL)))
                .header("Access-Control-Allow-Origin", not(equalTo("*")));
    }

    @Test
    void aCallFromAnUnlistedOriginGetsNoAllowOrigin() {
        given().header("Origin", EVIL).auth().oauth2(TestTokens.dispatcher(TestTokens.DISTRICT))
                .get("/api/v1/categories").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
