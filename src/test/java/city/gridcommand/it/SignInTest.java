package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens are verified, not trusted: signed with the service's key (the tests' key, written where
 * the service reads it), for this issuer and audience, unexpired. Anything else is 401 problem+json;
 * a valid token whose roles do not fit the route is 403. Health, metrics and OpenAPI are on the
 * management port, not the public one.
 */
@QuarkusTest
class SignInTest {

    // management = true puts the management root (/q) in front
    @TestHTTPResource(value = "/health/ready", management = true)
    URL managementReady;

    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @TestHTTPResource(value = "/openapi", management = true)
    URL managementOpenApi;

    @Test
    void noTokenIs401ProblemJson() {
        given().get("/api/v1/events").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("instance", equalTo("/api/v1/events"));
    }

    @Test
    void aValidTokenIsAccepted() {
        given().auth().oauth2(TestTokens.dispatcher(TestTokens.DISTRICT)).get("/api/v1/categories").then()
                .statusCode(200);
    }

    @Test
    void anExpiredTokenIs401() {
        refused(TestTokens.builder().subject("d1").roles("dispatcher").cells("*").expiredSecondsAgo(600).sign());
    }

    @Test
    void aTokenOfAnotherIssuerIs401() {
        refused(TestTokens.builder().subject("d1").roles("dispatcher").cells("*").issuer("https://elsewhere").sign());
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        refused(TestTokens.builder().subject("d1").roles("dispatcher").cells("*").audience("other-app").sign());
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        refused(TestTokens.builder().subject("d1").roles("dispatcher").cells("*").strangerKey().sign());
    }

    @Test
    void aTamperedTokenIs401() {
        String token = TestTokens.builder().subject("d1").roles("screen").cells("440305001").sign();
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"screen\"", "\"admin\"").getBytes());
        refused(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void aRoleThatDoesNotFitIs403ProblemJson() {
        given().auth().oauth2(TestTokens.screen(TestTokens.DISTRICT)).contentType("application/json")
                .body("{\"rules\":[]}").put("/api/v1/rules").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void theBuiltInIssuerPublishesItsPublicKey() {
        given().get("/api/v1/auth/jwks").then().statusCode(200).body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].d", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theDemoLoginIsNotServedWithoutTheDemoCity() {
        // the tests' default: the built-in issuer, no demo city (DemoLoginTest has it on)
        given().contentType("application/json").body("{\"user\":\"dispatcher\",\"password\":\"demo\"}")
                .post("/api/v1/auth/login").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void healthMetricsAndOpenApiAreOnTheManagementPortOnly() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get(managementReady).then().statusCode(200).body("status", equalTo("UP"));
        given().get(managementMetrics).then().statusCode(200).body(containsString("grid_ingest_received"));
        given().get(managementOpenApi).then().statusCode(200).body(containsString("/api/v1/events"));
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get("/api/v1/categories").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }
}
