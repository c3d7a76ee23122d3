package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import city.gridcommand.testing.TestTokens;
import city.gridcommand.testing.TinyOidcProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code grid.auth.issuer-url} set (GRID_AUTH_ISSUER_URL), the tokens are an OpenID Connect
 * provider's, verified through its discovery document and JWKS (here a provider run by the test, with a
 * key made in the test): its tokens for the audience {@code grid-command} are accepted, the built-in
 * issuer's are not, and the built-in issuer's doors (JWKS, demo login) are closed.
 */
@QuarkusTest
@TestProfile(ExternalProviderTest.Provider.class)
class ExternalProviderTest {

    /** The service pointed at the test's provider. */
    public static class Provider implements QuarkusTestProfile {

        static final TinyOidcProvider PROVIDER = TinyOidcProvider.start();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.auth.issuer-url", PROVIDER.issuer());
        }
    }

    private static String dispatcherOfTheProvider() {
        return Provider.PROVIDER.token("d-ext", claims -> {
            claims.setStringListClaim("roles", List.of("dispatcher"));
            claims.setStringListClaim("cells", List.of(TestTokens.DISTRICT));
        });
    }

    @Test
    void theProvidersTokenIsAcceptedThroughItsJwks() {
        given().auth().oauth2(dispatcherOfTheProvider()).get("/api/v1/rules").then().statusCode(200);
        given().auth().oauth2(dispatcherOfTheProvider()).get("/api/v1/events").then().statusCode(200);
        assertThat(Provider.PROVIDER.jwksRequests()).as("the service fetched the provider's JWKS").isPositive();
    }

    @Test
    void itsRolesStillDecide() {
        String screen = Provider.PROVIDER.token("s-ext", claims -> {
            claims.setStringListClaim("roles", List.of("screen"));
            claims.setStringListClaim("cells", List.of(TestTokens.DISTRICT));
        });
        given().auth().oauth2(screen).get("/api/v1/rules").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenOfTheBuiltInIssuerIsRefused() {
        refused(TestTokens.dispatcher(TestTokens.DISTRICT));
        // the provider's issuer named, but signed with the built-in key: not in the provider's JWKS
        refused(TestTokens.builder().issuer(Provider.PROVIDER.issuer()).subject("d1").roles("dispatcher")
                .cells(TestTokens.DISTRICT).sign());
    }

    @Test
    void aTokenOfTheProviderForAnotherAudienceIsRefused() {
        refused(Provider.PROVIDER.token("d-other", claims -> {
            claims.setAudience("another-app");
            claims.setStringListClaim("roles", List.of("dispatcher"));
            claims.setStringListClaim("cells", List.of("*"));
        }));
    }

    @Test
    void theBuiltInIssuersDoorsAreClosed() {
        given().get("/api/v1/auth/jwks").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"user\":\"dispatcher\",\"password\":\"demo\"}")
                .post("/api/v1/auth/login").then().statusCode(404).contentType("application/problem+json");
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get("/api/v1/rules").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }
}
