package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import city.gridcommand.audit.AuditEntry;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail over HTTP, with real signed tokens: read by admins only, and holding every change an
 * admin makes to the registry, the rules and the grid, newest first, with the token's subject and roles,
 * the caller's address, the thing changed and its cell. Each run signs in as an admin of its own, so its
 * entries are its own in a database that keeps every earlier run's. (That the table refuses UPDATE and
 * DELETE is {@link AuditLogTest}'s.)
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
@SuppressWarnings("unchecked") // entries' details are JSON objects
class AuditTrailTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String subject = "admin-" + run;
    private final String admin = TestTokens.builder().subject(subject).roles("admin").cells("*").sign();

    @Test
    void theTrailIsReadByAdminsOnly() {
        given().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.dispatcher("*")).get("/api/v1/audit").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.screen("*")).get("/api/v1/audit/1").then().statusCode(403);
        given().auth().oauth2(admin).get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void everyChangeAnAdminMakesIsThereNewestFirstWithWhoFromWhereWhatAndWhichCell() {
        String device = "aud-" + run;
        String worker = "aud-w-" + run;
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids")
                .then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"type\":\"camera\",\"lat\":22.51,\"lon\":114.035}").put("/api/v1/devices/" + device)
                .then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"role\":\"leader\",\"cells\":[\"" + SmallCity.WEST_CELL + "\"],\"phone\":\"+86 138 0000 0002\"}")
                .put("/api/v1/workers/" + worker).then().statusCode(201);
        given().auth().oauth2(admin).delete("/api/v1/workers/" + worker).then().statusCode(204);
        byte[] rules = given().auth().oauth2(admin).get("/api/v1/rules").then().statusCode(200).extract().asByteArray();
        int ruleCount = JsonPath.from(new String(rules)).getList("rules").size();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(rules).put("/api/v1/rules").then()
                .statusCode(200);
        long version = given().auth().oauth2(admin).contentType(ContentType.JSON).body(SmallCity.geoJson(114.015))
                .put("/api/v1/grids").then().statusCode(200).extract().jsonPath().getLong("version");
        // not changes: a refused rule set, a dry run of the grid
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"rules\":\"none\"}").put("/api/v1/rules")
                .then().statusCode(422);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(SmallCity.geoJson())
                .put("/api/v1/grids?dryRun=true").then().statusCode(200);

        JsonPath trail = given().auth().oauth2(admin).queryParam("actor", subject).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(trail.getList("items.action", String.class)).containsExactly(AuditEntry.GRID_IMPORT,
                AuditEntry.RULES_REPLACE, AuditEntry.WORKER_DELETE, AuditEntry.WORKER_PUT, AuditEntry.DEVICE_PUT,
                AuditEntry.GRID_IMPORT);
        assertThat(trail.getList("items.actor", String.class)).containsOnly(subject);
        assertThat(trail.getList("items.roles")).containsOnly(List.of("admin"));
        assertThat(trail.getList("items.address", String.class)).doesNotContainNull()
                .allSatisfy(address -> assertThat(address).isNotBlank());
        List<Long> ids = trail.getList("items.id", Long.class);
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<Long> times = trail.getList("items.at", Long.class);
        assertThat(times).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        Map<String, Object> grid = trail.getMap("items[0]");
        assertThat(grid.get("target")).isEqualTo(String.valueOf(version));
        assertThat((Map<String, Object>) grid.get("detail")).containsEntry("cells", 11).containsEntry("warnings", 0)
                .containsEntry("repairs", 0).containsEntry("repaired", false);
        Map<String, Object> rulesEntry = trail.getMap("items[1]");
        assertThat((Map<String, Object>) rulesEntry.get("detail")).containsEntry("rules", ruleCount);
        Map<String, Object> deleted = trail.getMap("items[2]");
        assertThat(deleted).containsEntry("target", worker).containsEntry("cell", SmallCity.WEST_CELL);
        Map<String, Object> put = trail.getMap("items[3]");
        assertThat(put).containsEntry("target", worker).containsEntry("cell", SmallCity.WEST_CELL);
        assertThat((Map<String, Object>) put.get("detail")).containsEntry("created", true)
                .containsEntry("role", "leader").doesNotContainKey("phone");
        assertThat(put.toString()).doesNotContain("138 0000");
        Map<String, Object> camera = trail.getMap("items[4]");
        assertThat(camera).containsEntry("target", device).containsEntry("cell", SmallCity.EAST_CELL);
        assertThat((Map<String, Object>) camera.get("detail")).containsEntry("created", true)
                .containsEntry("type", "camera").containsEntry("position", Map.of("lat", 22.51f, "lon", 114.035f));

        // filtered by cell: a street and everything under it
        given().auth().oauth2(admin).queryParam("actor", subject).queryParam("cell", "440305002").get("/api/v1/audit")
                .then().statusCode(200).body("items.action", equalTo(List.of(AuditEntry.DEVICE_PUT)));
    }
}
