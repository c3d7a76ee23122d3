package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cases under sign-in, with real signed tokens: who acts is the token (never the body), each caller sees
 * and moves only the cases of their cells, handlers only their department's, grid workers verify only
 * their own reports, screens take no step, stats of a wider scope are refused, and the audit trail has
 * who created and moved each case. Street A is 440305001, street B 440305002 ({@link SmallCity}); each
 * test leaves its cases closed or final, so the open case of a cell and category is never one of another
 * test's.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class CaseAccessTest {

    private static final String STREET_A = "440305001";
    private static final String STREET_B = "440305002";

    private static final String ADMIN = TestTokens.admin();
    private static final String DISTRICT_DISPATCHER = TestTokens.dispatcher(SmallCity.DISTRICT);
    private static final String STREET_A_DISPATCHER = TestTokens.dispatcher(STREET_A);
    private static final String SUPERVISOR = TestTokens.supervisor(SmallCity.DISTRICT);
    private static final String HOTLINE = TestTokens.builder().subject("hotline-gw").roles("service")
            .cells(SmallCity.DISTRICT).sign();

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void importTheCity() {
        as(ADMIN).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids").then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** A new case from the hotline: 201, so it is this test's own. */
    private String newCase(String cell, String category) {
        return as(HOTLINE).contentType(ContentType.JSON).body("{\"category\":\"" + category + "\",\"cell\":\"" + cell
                        + "\",\"reporter\":\"caller-" + run + "\"}")
                .post("/api/v1/events").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static JsonPath act(String token, String id, String body, int status) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/events/" + id + "/transitions").then()
                .statusCode(status).extract().jsonPath();
    }

    private static JsonPath detail(String id) {
        return as(DISTRICT_DISPATCHER).get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> listedIds(String token, String cell) {
        RequestSpecification request = as(token).queryParam("limit", 1000);
        if (cell != null) {
            request.queryParam("cell", cell);
        }
        return request.get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items.id",
                String.class);
    }

    private static List<String> listedCells(String token, String cell) {
        RequestSpecification request = as(token).queryParam("limit", 1000);
        if (cell != null) {
            request.queryParam("cell", cell);
        }
        return request.get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items.cell",
                String.class);
    }

    @Test
    void aStreetDispatcherReadsListsAndMovesOnlyTheirStreetsCases() {
        String caseB = newCase(SmallCity.CELL_3, "noise_nuisance");
        String caseA = newCase(SmallCity.WEST_CELL, "broken_streetlight");

        // read: street B's case is 403 naming its cell, and nothing of the case
        as(STREET_A_DISPATCHER).get("/api/v1/events/" + caseB).then().statusCode(403)
                .contentType("application/problem+json").body("cell", equalTo(SmallCity.CELL_3))
                .body("event", nullValue()).body("state", nullValue());
        as(STREET_A_DISPATCHER).get("/api/v1/events/" + caseA).then().statusCode(200)
                .body("event.id", equalTo(caseA));

        // list: without a cell, everything of street A and nothing of street B
        assertThat(listedIds(STREET_A_DISPATCHER, null)).contains(caseA).doesNotContain(caseB);
        assertThat(listedCells(STREET_A_DISPATCHER, null)).isNotEmpty().allMatch(cell -> cell.startsWith(STREET_A));
        // the whole district asked: cut to street A, not refused
        assertThat(listedIds(STREET_A_DISPATCHER, SmallCity.DISTRICT)).contains(caseA).doesNotContain(caseB);
        assertThat(listedCells(STREET_A_DISPATCHER, SmallCity.DISTRICT)).allMatch(cell -> cell.startsWith(STREET_A));
        // street B asked: refused, naming it
        as(STREET_A_DISPATCHER).queryParam("cell", STREET_B).get("/api/v1/events").then().statusCode(403)
                .body("cell", equalTo(STREET_B)).body("field", equalTo("cell"));
        // a token of two cells in two streets lists both, and the district asked is cut to both
        String twoCells = TestTokens.dispatcher(SmallCity.WEST_CELL, SmallCity.CELL_3);
        assertThat(listedIds(twoCells, null)).contains(caseA, caseB);
        assertThat(listedIds(twoCells, SmallCity.DISTRICT)).contains(caseA, caseB);
        assertThat(listedCells(twoCells, SmallCity.DISTRICT))
                .allMatch(cell -> cell.equals(SmallCity.WEST_CELL) || cell.equals(SmallCity.CELL_3));

        // transition: 403 naming the cell, and the case is unchanged
        act(STREET_A_DISPATCHER, caseB, "{\"action\":\"register\"}", 403);
        as(STREET_A_DISPATCHER).contentType(ContentType.JSON).body("{\"action\":\"dispatch\",\"to\":\"dept-urban\"}")
                .post("/api/v1/events/" + caseB + "/transitions").then().statusCode(403)
                .body("cell", equalTo(SmallCity.CELL_3)).body("allowedActions", nullValue());
        JsonPath untouched = detail(caseB);
        assertThat(untouched.getString("event.state")).isEqualTo("REPORTED");
        assertThat(untouched.getList("history.action", String.class)).containsExactly("collect");

        // a dispatch to the leader of a street-B cell, a merge into a street-B case: 403 naming it, field "to"
        act(STREET_A_DISPATCHER, caseA, "{\"action\":\"register\"}", 200);
        as(STREET_A_DISPATCHER).contentType(ContentType.JSON)
                .body("{\"action\":\"dispatch\",\"to\":\"leader:" + SmallCity.CELL_3 + "\"}")
                .post("/api/v1/events/" + caseA + "/transitions").then().statusCode(403)
                .body("cell", equalTo(SmallCity.CELL_3)).body("field", equalTo("to"));
        as(STREET_A_DISPATCHER).contentType(ContentType.JSON).body("{\"action\":\"merge\",\"to\":\"" + caseB + "\"}")
                .post("/api/v1/events/" + caseA + "/transitions").then().statusCode(403)
                .body("cell", equalTo(SmallCity.CELL_3)).body("field", equalTo("to"));
        as(STREET_A_DISPATCHER).contentType(ContentType.JSON)
                .body("{\"action\":\"merge\",\"to\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/events/" + caseA + "/transitions").then().statusCode(400).body("field", equalTo("to"));
        assertThat(detail(caseA).getString("event.state")).isEqualTo("REGISTERED");

        // a new case in street B: 403 naming the cell
        as(STREET_A_DISPATCHER).contentType(ContentType.JSON)
                .body("{\"category\":\"noise_nuisance\",\"cell\":\"" + SmallCity.EAST_CELL + "\",\"origin\":\"dispatcher\"}")
                .post("/api/v1/events").then().statusCode(403).body("cell", equalTo(SmallCity.EAST_CELL))
                .body("field", equalTo("cell"));
        // the hotline's service account raises hotline cases only
        as(HOTLINE).contentType(ContentType.JSON)
                .body("{\"category\":\"noise_nuisance\",\"cell\":\"" + SmallCity.EAST_CELL + "\",\"origin\":\"dispatcher\"}")
                .post("/api/v1/events").then().statusCode(403).body("detail", containsString("hotline"));

        // the district's dispatcher may merge across streets: both cases end final
        act(DISTRICT_DISPATCHER, caseA, "{\"action\":\"merge\",\"to\":\"" + caseB + "\"}", 200);
        act(DISTRICT_DISPATCHER, caseB, "{\"action\":\"refuse\",\"note\":\"a party, over by ten\"}", 200);
    }

    @Test
    void aGridWorkerVerifiesOnlyTheirOwnReportAndAScreenTakesNoStep() {
        String reporter = "wa-" + run;
        String report = UUID.randomUUID().toString();
        try (TestPublisher publisher = TestPublisher.connect(brokerUrl)) {
            publisher.publish("grid/v1/workers/" + reporter + "/reports", "{\"ts\":" + System.currentTimeMillis()
                    + ",\"reportId\":\"" + report + "\",\"category\":\"illegal_parking\",\"description\":\"van on the "
                    + "kerb\",\"lat\":22.51,\"lon\":114.015,\"photos\":[\"https://photos/van.jpg\"],"
                    + "\"severity\":\"GREEN\"}");
        }
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> as(DISTRICT_DISPATCHER)
                .queryParam("cell", SmallCity.MIDDLE_WEST_CELL).queryParam("category", "illegal_parking")
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(e -> reporter.equals(e.get("reporter")))
                .map(e -> (String) e.get("id")).findFirst().orElse(null), found -> found != null);
        String urban = TestTokens.handler("u-" + run, "dept-urban", SmallCity.DISTRICT);
        act(DISTRICT_DISPATCHER, id, "{\"action\":\"register\"}", 200);
        act(DISTRICT_DISPATCHER, id, "{\"action\":\"dispatch\",\"to\":\"dept-urban\"}", 200);
        act(urban, id, "{\"action\":\"accept\"}", 200);
        act(urban, id, "{\"action\":\"feedback\",\"note\":\"towed\"}", 200);

        // a screen takes no step at all
        as(TestTokens.screen(SmallCity.DISTRICT)).contentType(ContentType.JSON).body("{\"action\":\"close\"}")
                .post("/api/v1/events/" + id + "/transitions").then().statusCode(403)
                .contentType("application/problem+json");
        // another grid worker of the same cells may not verify it
        JsonPath other = act(TestTokens.worker("wb-" + run, "440305001001"), id, "{\"action\":\"close\"}", 403);
        assertThat(other.getString("detail")).contains("reported");
        assertThat(other.getList("allowedRoles", String.class)).containsExactly("supervisor", "worker");
        assertThat(detail(id).getString("event.state")).isEqualTo("FEEDBACK");
        // the reporter does
        act(TestTokens.worker(reporter, "440305001001"), id, "{\"action\":\"close\"}", 200);
        JsonPath closed = detail(id);
        assertThat(closed.getString("event.state")).isEqualTo("CLOSED");
        assertThat(closed.getString("history[-1].actor")).isEqualTo(reporter);
        assertThat(closed.getString("history[-1].role")).isEqualTo("worker");
    }

    @Test
    void theActorIsTheTokensSubjectWhateverTheBodySaysAndTheAuditTrailHasBothSteps() {
        String id = newCase(SmallCity.MIDDLE_WEST_CELL, "waterlogging");
        act(DISTRICT_DISPATCHER, id, "{\"action\":\"refuse\",\"note\":\"dry by now\",\"actor\":\"mallory\","
                + "\"role\":\"supervisor\",\"unit\":\"dept-fire\"}", 200);
        JsonPath history = detail(id);
        assertThat(history.getList("history.action", String.class)).containsExactly("collect", "refuse");
        assertThat(history.getString("history[1].actor")).isEqualTo("disp-440305");
        assertThat(history.getString("history[1].role")).isEqualTo("dispatcher");
        // a worker naming themselves supervisor in the body is still a worker
        String other = newCase(SmallCity.WEST_CELL, "waterlogging");
        act(TestTokens.worker("w-" + run, SmallCity.DISTRICT), other,
                "{\"action\":\"register\",\"actor\":\"mallory\",\"role\":\"dispatcher\"}", 403);
        act(DISTRICT_DISPATCHER, other, "{\"action\":\"refuse\",\"note\":\"duplicate call\"}", 200);

        JsonPath audit = as(ADMIN).queryParam("target", id).get("/api/v1/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(audit.getList("items.action", String.class)).containsExactly("case.transition", "case.create");
        assertThat(audit.getList("items.actor", String.class)).containsExactly("disp-440305", "hotline-gw");
        assertThat(audit.getList("items.cell", String.class)).containsOnly(SmallCity.MIDDLE_WEST_CELL);
        assertThat(audit.getList("items[0].roles", String.class)).containsExactly("dispatcher");
        assertThat(audit.getMap("items[0].detail")).containsEntry("action", "refuse")
                .containsEntry("fromState", "REPORTED").containsEntry("toState", "REFUSED")
                .containsEntry("role", "dispatcher");
        assertThat(audit.getMap("items[1].detail")).containsEntry("category", "waterlogging")
                .containsEntry("origin", "hotline").containsEntry("joined", false);
        // refused steps are not audited
        assertThat(as(ADMIN).queryParam("target", other).get("/api/v1/audit").then().statusCode(200).extract()
                .jsonPath().getList("items.actor", String.class)).containsExactly("disp-440305", "hotline-gw");
    }

    @Test
    void aHandlerOfAnotherDepartmentOrWithoutAUnitIsRefused() {
        String id = newCase(SmallCity.WEST_CELL, "neighbour_dispute");
        act(DISTRICT_DISPATCHER, id, "{\"action\":\"register\"}", 200);
        act(DISTRICT_DISPATCHER, id, "{\"action\":\"dispatch\",\"to\":\"dept-civil\"}", 200);

        JsonPath fire = act(TestTokens.handler("f-" + run, "dept-fire", SmallCity.DISTRICT), id,
                "{\"action\":\"accept\"}", 403);
        assertThat(fire.getString("detail")).contains("dept-civil").contains("dept-fire");
        assertThat(fire.getList("allowedRoles", String.class)).containsExactly("handler");
        String noUnit = TestTokens.builder().subject("h-" + run).roles("handler").cells(SmallCity.DISTRICT).sign();
        assertThat(act(noUnit, id, "{\"action\":\"accept\",\"unit\":\"dept-civil\"}", 403).getString("detail"))
                .contains("names no unit");
        assertThat(detail(id).getString("event.state")).isEqualTo("DISPATCHED");

        String civil = TestTokens.handler("c-" + run, "dept-civil", SmallCity.DISTRICT);
        act(civil, id, "{\"action\":\"accept\"}", 200);
        act(civil, id, "{\"action\":\"feedback\",\"note\":\"neighbours reconciled\"}", 200);
        act(SUPERVISOR, id, "{\"action\":\"close\"}", 200);
        assertThat(detail(id).getString("history[3].actor")).isEqualTo("c-" + run);
    }

    @Test
    void statsOfAWiderScopeAreRefusedAndOfTheirOwnAnswered() {
        as(STREET_A_DISPATCHER).queryParam("scope", SmallCity.DISTRICT).get("/api/v1/stats/cases").then()
                .statusCode(403).contentType("application/problem+json").body("cell", equalTo(SmallCity.DISTRICT))
                .body("field", equalTo("scope"));
        as(STREET_A_DISPATCHER).queryParam("scope", STREET_B).get("/api/v1/stats/cases").then().statusCode(403)
                .body("cell", equalTo(STREET_B));
        as(STREET_A_DISPATCHER).queryParam("scope", STREET_A).get("/api/v1/stats/cases").then().statusCode(200)
                .body("scope", equalTo(STREET_A));
        as(STREET_A_DISPATCHER).queryParam("scope", "440305001001").get("/api/v1/stats/cases").then().statusCode(200)
                .body("scope", equalTo("440305001001"));
        // no scope: the token's one cell
        as(STREET_A_DISPATCHER).get("/api/v1/stats/cases").then().statusCode(200).body("scope", equalTo(STREET_A));
        // no scope and two cells: which one is for the caller to say
        as(TestTokens.dispatcher(STREET_A, STREET_B)).get("/api/v1/stats/cases").then().statusCode(400)
                .body("field", equalTo("scope"));
        // everywhere: the whole city, as before sign-in
        as(ADMIN).get("/api/v1/stats/cases").then().statusCode(200).body("scope", nullValue());
    }
}
