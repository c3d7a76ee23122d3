package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the command screen reads besides the event list: the page and Leaflet served without a token, a
 * cell's children for the map, the open events per child by severity, the scope's figures, who the token
 * says calls, and the steps a token may take on an event. Counts are compared before and after this test's
 * own events, since other tests leave events in the same cells.
 */
@QuarkusTest
class CommandScreenApiTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String DISPATCHER = TestTokens.dispatcher(SmallCity.DISTRICT);
    private static final String STREET_ONE = "440305001";
    private static final String STREET_TWO = "440305002";

    @BeforeEach
    void importTheCity() {
        as(ADMIN).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids").then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void thePageAndLeafletAreServedWithoutATokenAndTheApiIsNot() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/screen/app.js")).body(containsString("/webjars/leaflet/dist/leaflet.js"));
        for (String module : List.of("app", "api", "i18n", "map", "events", "detail", "figures", "live")) {
            given().get("/screen/" + module + ".js").then().statusCode(200);
        }
        given().get("/webjars/leaflet/dist/leaflet.js").then().statusCode(200).body(containsString("Leaflet"));
        given().get("/webjars/leaflet/dist/leaflet.css").then().statusCode(200);
        given().get("/api/v1/auth/me").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/grids/" + SmallCity.DISTRICT + "/children").then().statusCode(401);
        given().get("/api/v1/stats/cells").then().statusCode(401);
        given().get("/api/v1/screen/settings").then().statusCode(401);
    }

    @Test
    void theChildrenOfACellAreItsChildrenOnlyWithWhatTheMapDraws() {
        JsonPath district = as(DISPATCHER).get("/api/v1/grids/" + SmallCity.DISTRICT + "/children?zoom=14").then()
                .statusCode(200).body("type", equalTo("FeatureCollection")).body("scope", equalTo(SmallCity.DISTRICT))
                .extract().jsonPath();
        assertThat(district.getList("features.properties.code", String.class))
                .containsExactly(STREET_ONE, STREET_TWO, SmallCity.BEAT);
        assertThat(district.getDouble("tolerance")).isCloseTo(360.0 / (256 * Math.pow(2, 14)),
                org.assertj.core.data.Offset.offset(1e-9));
        Map<String, Object> street = district.getMap("features[0].properties");
        assertThat(street).containsEntry("name", "Street one").containsEntry("level", "street")
                .containsEntry("kind", "base").containsEntry("childCount", 1);
        assertThat(district.getString("features[0].geometry.type")).isEqualTo("Polygon");

        JsonPath community = as(DISPATCHER).get("/api/v1/grids/440305001001/children?tolerance=0").then()
                .statusCode(200).extract().jsonPath();
        assertThat(community.getList("features.properties.code", String.class))
                .containsExactly(SmallCity.WEST_CELL, SmallCity.MIDDLE_WEST_CELL, SmallCity.SCHOOL);
        assertThat(community.getList("features.properties.childCount", Integer.class)).containsOnly(0);
        // a base cell is a leaf
        as(DISPATCHER).get("/api/v1/grids/" + SmallCity.WEST_CELL + "/children").then().statusCode(200)
                .body("features.size()", equalTo(0));
        as(DISPATCHER).get("/api/v1/grids/999/children").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBadZoomOrToleranceIsRefusedNamingTheField() {
        String children = "/api/v1/grids/" + SmallCity.DISTRICT + "/children";
        for (String zoom : List.of("23", "-1", "x", "2.5")) {
            as(DISPATCHER).get(children + "?zoom=" + zoom).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("zoom"));
        }
        for (String tolerance : List.of("-0.1", "0.5", "NaN", "wide")) {
            as(DISPATCHER).get(children + "?tolerance=" + tolerance).then().statusCode(400).body("field", equalTo("tolerance"));
        }
        as(DISPATCHER).get(children + "?zoom=12&tolerance=0.001").then().statusCode(400).body("field", equalTo("tolerance"));
    }

    @Test
    void eachChildCountsItsOpenEventsBySeverity() {
        Map<String, Integer> before = redPerChild(SmallCity.DISTRICT);
        String red = raise(SmallCity.WEST_CELL, "RED");
        assertThat(red).isNotNull();
        Map<String, Integer> after = redPerChild(SmallCity.DISTRICT);
        assertThat(after.getOrDefault(STREET_ONE, 0)).isEqualTo(before.getOrDefault(STREET_ONE, 0) + 1);
        assertThat(after.getOrDefault(STREET_TWO, 0)).isEqualTo(before.getOrDefault(STREET_TWO, 0));

        // one level down, the base cell itself
        JsonPath community = as(DISPATCHER).get("/api/v1/stats/cells?scope=440305001001").then().statusCode(200)
                .body("scope", equalTo("440305001001")).extract().jsonPath();
        assertThat(community.getList("cells.cell", String.class)).contains(SmallCity.WEST_CELL)
                .allSatisfy(cell -> assertThat(cell).startsWith("440305001001"));

        // a street's dispatcher: their street by default, the other street refused naming it
        String streetOne = TestTokens.dispatcher(STREET_ONE);
        as(streetOne).get("/api/v1/stats/cells").then().statusCode(200).body("scope", equalTo(STREET_ONE));
        as(streetOne).get("/api/v1/stats/cells?scope=" + STREET_TWO).then().statusCode(403)
                .contentType("application/problem+json").body("field", equalTo("scope")).body("cell", equalTo(STREET_TWO));
        as(streetOne).get("/api/v1/stats/cells?scope=" + SmallCity.DISTRICT).then().statusCode(403);
    }

    @Test
    void theScopesFiguresCountTodaysEventsAndWhatIsOnDuty() {
        long from = System.currentTimeMillis() - 60_000;
        JsonPath before = figures(SmallCity.DISTRICT, from);
        assertThat(raise(SmallCity.EAST_CELL, "YELLOW")).isNotNull();
        JsonPath after = figures(SmallCity.DISTRICT, from);
        assertThat(after.getLong("bySeverity.YELLOW")).isEqualTo(before.getLong("bySeverity.YELLOW") + 1);
        assertThat(reported(after)).isEqualTo(reported(before) + 1);
        assertThat(after.getString("scope")).isEqualTo(SmallCity.DISTRICT);
        assertThat(after.getLong("from")).isEqualTo(from);
        assertThat(after.getLong("onDuty")).isNotNegative();
        assertThat(after.getLong("devices.online")).isNotNegative();
        assertThat(after.getLong("overdueNow")).isNotNegative();

        as(TestTokens.dispatcher(STREET_ONE)).get("/api/v1/stats/figures?scope=" + STREET_TWO).then().statusCode(403)
                .body("field", equalTo("scope"));
        as(DISPATCHER).get("/api/v1/stats/figures?from=" + (System.currentTimeMillis() + 3_600_000)).then()
                .statusCode(400).body("field", equalTo("from"));
        as(DISPATCHER).get("/api/v1/stats/figures?from=yesterday").then().statusCode(400).body("field", equalTo("from"));
    }

    @Test
    void theListTakesOpenOrNot() {
        String id = raise(SmallCity.MIDDLE_WEST_CELL, "YELLOW");
        assertThat(id).isNotNull();
        String list = "/api/v1/events?cell=" + SmallCity.MIDDLE_WEST_CELL + "&limit=1000";
        assertThat(as(DISPATCHER).get(list + "&open=true").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).contains(id);
        as(DISPATCHER).contentType(ContentType.JSON).body("{\"action\":\"refuse\",\"note\":\"not ours\"}")
                .post("/api/v1/events/" + id + "/transitions").then().statusCode(200);
        assertThat(as(DISPATCHER).get(list + "&open=true").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).doesNotContain(id);
        assertThat(as(DISPATCHER).get(list + "&open=false").then().statusCode(200).extract().jsonPath()
                .getList("items.state", String.class)).contains("REFUSED").doesNotContain("REPORTED", "REGISTERED");
        as(DISPATCHER).get(list + "&open=yes").then().statusCode(400).body("field", equalTo("open"));
    }

    @Test
    void meIsWhatTheTokenSays() {
        as(TestTokens.handler("h-7", "dept-fire", STREET_ONE)).get("/api/v1/auth/me").then().statusCode(200)
                .body("subject", equalTo("h-7")).body("roles", equalTo(List.of("handler")))
                .body("cells", equalTo(List.of(STREET_ONE))).body("unit", equalTo("dept-fire"))
                .body("scopes", equalTo(List.of(STREET_ONE)));
        as(ADMIN).get("/api/v1/auth/me").then().statusCode(200).body("cells", equalTo(List.of("*")))
                .body("scopes", equalTo(List.of(SmallCity.DISTRICT)));
        // a cell the grid does not have is the token's, not a place to start from
        as(TestTokens.screen(STREET_TWO, "999")).get("/api/v1/auth/me").then().statusCode(200)
                .body("cells", equalTo(List.of(STREET_TWO, "999"))).body("scopes", equalTo(List.of(STREET_TWO)));
    }

    @Test
    void anEventsDetailSaysTheStepsThisTokenMayTake() {
        String id = raise(SmallCity.CELL_3, "GREEN");
        assertThat(id).isNotNull();
        assertThat(as(DISPATCHER).get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath()
                .getList("allowedActions", String.class)).contains("register", "refuse").doesNotContain("close");
        for (String token : List.of(TestTokens.screen(SmallCity.DISTRICT), TestTokens.worker("w-9", SmallCity.DISTRICT),
                TestTokens.supervisor(SmallCity.DISTRICT), ADMIN)) {
            assertThat(as(token).get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath()
                    .getList("allowedActions", String.class)).doesNotContain("register", "refuse");
        }
        as(DISPATCHER).contentType(ContentType.JSON).body("{\"action\":\"register\"}")
                .post("/api/v1/events/" + id + "/transitions").then().statusCode(200);
        assertThat(as(DISPATCHER).get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath()
                .getList("allowedActions", String.class)).contains("dispatch").doesNotContain("register");
    }

    @Test
    void theScreensSettingsNameNoTileServerByDefault() {
        as(TestTokens.screen(SmallCity.DISTRICT)).get("/api/v1/screen/settings").then().statusCode(200)
                .body("tileUrl", equalTo(null)).body("tileAttribution", equalTo(null));
    }

    private static long reported(JsonPath figures) {
        Object n = figures.getMap("byState").get("REPORTED");
        return n == null ? 0 : ((Number) n).longValue();
    }

    private static JsonPath figures(String scope, long from) {
        return as(DISPATCHER).get("/api/v1/stats/figures?scope=" + scope + "&from=" + from).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Integer> redPerChild(String scope) {
        JsonPath stats = as(DISPATCHER).get("/api/v1/stats/cells?scope=" + scope).then().statusCode(200)
                .body("scope", equalTo(scope)).extract().jsonPath();
        Map<String, Integer> red = new java.util.HashMap<>();
        List<Map<String, Object>> cells = stats.getList("cells");
        cells.forEach(c -> red.put((String) c.get("cell"), ((Number) c.get("RED")).intValue()));
        return red;
    }

    /** A new event (201, not joined to an open one) in the cell, of the first category that makes one; its id. */
    private static String raise(String cell, String severity) {
        List<String> categories = as(DISPATCHER).get("/api/v1/categories").then().statusCode(200).extract().jsonPath()
                .getList("categories.code", String.class);
        for (String category : categories) {
            Response raised = as(DISPATCHER).contentType(ContentType.JSON)
                    .body(Map.of("category", category, "severity", severity, "cell", cell, "origin", "dispatcher"))
                    .post("/api/v1/events");
            if (raised.statusCode() == 201) {
                return raised.jsonPath().getString("id");
            }
        }
        return null;
    }
}
