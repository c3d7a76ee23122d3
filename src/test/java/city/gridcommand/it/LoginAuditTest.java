package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import city.gridcommand.audit.AuditEntry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo login is in the audit trail with the person who signed in as its actor: a member of the
 * centre's staff (known without the database) and a grid worker of the demo city (looked up in it). A
 * wrong password signs no one in and records nothing.
 */
@QuarkusTest
@TestProfile(LoginAuditTest.DemoCity.class)
@SuppressWarnings("unchecked") // entries' details are JSON objects
class LoginAuditTest {

    /** The service with the demo city and its people's login. */
    public static class DemoCity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.demo.enabled", "true");
        }
    }

    private static JsonPath login(String user) {
        return given().contentType(ContentType.JSON).body("{\"user\":\"" + user + "\",\"password\":\"demo\"}")
                .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> logins(String token, String actor) {
        return given().auth().oauth2(token).queryParam("actor", actor).queryParam("action", AuditEntry.AUTH_LOGIN)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aSignInIsRecordedWithThePersonWhoSignedInAsActor() {
        String admin = login("admin").getString("token");
        int before = logins(admin, "admin").size();
        JsonPath again = login("admin");

        List<Map<String, Object>> entries = logins(admin, "admin");
        assertThat(entries).hasSize(before + 1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry).containsEntry("actor", "admin").containsEntry("roles", List.of("admin"))
                .containsEntry("target", "admin");
        assertThat((String) entry.get("address")).isNotBlank();
        assertThat((Map<String, Object>) entry.get("detail")).containsEntry("cells", List.of("*"))
                .containsEntry("expiresAt", again.getLong("expiresAt"));
        assertThat(entry.toString()).as("never the token").doesNotContain(again.getString("token"));

        given().contentType(ContentType.JSON).body("{\"user\":\"admin\",\"password\":\"wrong\"}")
                .post("/api/v1/auth/login").then().statusCode(401);
        assertThat(logins(admin, "admin")).hasSize(before + 1);
    }

    @Test
    void aGridWorkerSigningInIsLookedUpAndRecordedUnderTheirOwnId() {
        String admin = login("admin").getString("token");
        String worker = given().auth().oauth2(admin).queryParam("role", "worker").queryParam("limit", 1)
                .get("/api/v1/workers").then().statusCode(200).extract().jsonPath().getString("items[0].id");

        int before = logins(admin, worker).size();
        login(worker);

        List<Map<String, Object>> entries = logins(admin, worker);
        assertThat(entries).hasSize(before + 1);
        assertThat(entries.get(0)).containsEntry("actor", worker).containsEntry("roles", List.of("worker"))
                .containsEntry("target", worker);
        assertThat((String) entries.get(0).get("address")).as("read after the database answered").isNotBlank();
        given().auth().oauth2(admin).queryParam("actor", worker).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].action", equalTo(AuditEntry.AUTH_LOGIN));
    }
}
