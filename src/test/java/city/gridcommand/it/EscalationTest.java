package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A case left alone past its deadline: the durable timer marks it overdue, raises its severity and
 * escalates it a level up (cell → street → district), with the escalation in its history; a case closed
 * after a missed deadline counts as closed late. Each step is taken with the token of whoever takes it.
 */
@QuarkusTest
@TestProfile(EscalationTest.ShortDeadlines.class)
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class EscalationTest {

    /** Every step of every category due within three seconds. */
    public static class ShortDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.cases.deadline-override", "PT3S", "grid.cases.deadline-scan", "1s");
        }
    }

    private static final String DISPATCHER = TestTokens.dispatcher(SmallCity.DISTRICT);
    private static final String SUPERVISOR = TestTokens.supervisor(SmallCity.DISTRICT);
    private static final String URBAN = TestTokens.handler("u1", "dept-urban", SmallCity.DISTRICT);

    @Test
    void anOverdueCaseEscalatesAndCountsAsLate() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(SmallCity.geoJson())
                .put("/api/v1/grids").then().statusCode(200);
        long start = System.currentTimeMillis();
        String id = given().auth().oauth2(DISPATCHER).contentType(ContentType.JSON)
                .body("{\"category\":\"exposed_garbage\",\"severity\":\"GREEN\",\"cell\":\"" + SmallCity.WEST_CELL + "\"}")
                .post("/api/v1/events").then().statusCode(201).extract().jsonPath().getString("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath detail = given().auth().oauth2(DISPATCHER).get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(detail.getBoolean("event.overdue")).isTrue();
            assertThat(detail.getString("event.severity")).isEqualTo("YELLOW");
            assertThat(detail.getString("event.level")).isEqualTo("street");
            assertThat(detail.getList("history.action", String.class)).contains("escalate");
            assertThat(detail.getList("history.actor", String.class)).contains("system");
        });

        post(DISPATCHER, id, "{\"action\":\"register\"}");
        post(DISPATCHER, id, "{\"action\":\"dispatch\",\"to\":\"dept-urban\"}");
        post(URBAN, id, "{\"action\":\"accept\"}");
        post(URBAN, id, "{\"action\":\"feedback\",\"note\":\"cleared\"}");
        post(SUPERVISOR, id, "{\"action\":\"close\"}");

        List<Map<String, Object>> groups = given().auth().oauth2(SUPERVISOR).queryParam("scope", SmallCity.WEST_CELL).queryParam("from", start)
                .queryParam("by", "category").get("/api/v1/stats/cases").then().statusCode(200).extract().jsonPath()
                .getList("groups");
        assertThat(groups).singleElement().satisfies(g -> assertThat(g).containsEntry("closed", 1)
                .containsEntry("closedOnTime", 0).containsEntry("onTimeClosingRate", 0.0f));
    }

    private static void post(String token, String id, String body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/events/" + id + "/transitions").then()
                .statusCode(200);
    }
}
