package city.gridcommand.it;

import static io.restassured.RestAssured.given;

import city.gridcommand.testing.TestTokens;
import city.gridcommand.testing.TinyOidcProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Keycloak-shaped token: the roles in {@code realm_access.roles}, read with
 * {@code grid.auth.roles-claim=realm_access/roles}, and a realm's own role names renamed to this
 * service's with {@code quarkus.http.auth.roles-mapping} (as AuthSettings documents).
 */
@QuarkusTest
@TestProfile(KeycloakTokenTest.Keycloak.class)
class KeycloakTokenTest {

    /** The test's provider, realm roles read from realm_access/roles, "grid-admin" being admin. */
    public static class Keycloak implements QuarkusTestProfile {

        static final TinyOidcProvider PROVIDER = TinyOidcProvider.start();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.auth.issuer-url", PROVIDER.issuer(),
                    "grid.auth.roles-claim", "realm_access/roles",
                    "quarkus.http.auth.roles-mapping.\"grid-admin\"", "admin");
        }
    }

    private static String realmRoles(String subject, String... roles) {
        return realmRolesIn(TestTokens.DISTRICT, subject, roles);
    }

    private static String realmRolesIn(String cells, String subject, String... roles) {
        return Keycloak.PROVIDER.token(subject, claims -> {
            claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
            claims.setStringListClaim("cells", List.of(cells));
            claims.setClaim("preferred_username", subject);
        });
    }

    @Test
    void aRealmRoleOfThisServicesNameWorks() {
        given().auth().oauth2(realmRoles("kc-disp", "offline_access", "dispatcher")).get("/api/v1/rules").then()
                .statusCode(200);
    }

    @Test
    void aRealmRoleIsRenamedByTheRolesMapping() {
        // ingest counters span the whole city: an admin of every cell
        given().auth().oauth2(realmRolesIn("*", "kc-admin", "offline_access", "grid-admin")).get("/api/v1/stats/ingest")
                .then().statusCode(200);
        given().auth().oauth2(realmRolesIn("*", "kc-other", "offline_access", "uma_authorization"))
                .get("/api/v1/stats/ingest").then().statusCode(403);
    }

    @Test
    void rolesOutsideTheConfiguredClaimDoNotCount() {
        String topLevel = Keycloak.PROVIDER.token("kc-top", claims -> {
            claims.setStringListClaim("roles", List.of("dispatcher"));
            claims.setStringListClaim("cells", List.of(TestTokens.DISTRICT));
        });
        given().auth().oauth2(topLevel).get("/api/v1/rules").then().statusCode(403);
    }
}
