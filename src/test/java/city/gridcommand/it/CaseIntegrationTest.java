package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import city.gridcommand.rules.runtime.SenderMemory;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestSubscriber;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events and cases end to end: rules raising events from MQTT signals (one open event per cell and
 * category, severity raised by a second kind of source), silence, worker reports becoming cases
 * idempotently, and a case walked through every step by REST with its history and statistics. Each
 * request carries the token of the person who really does it: the admin sets up the grid, rules and
 * devices, the hotline's service account raises cases, the district's dispatcher registers, dispatches and
 * evaluates, the urban department's staff handle, the supervisor verifies.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
@SuppressWarnings("unchecked") // event bodies are JSON maps; their lists are read as List<Object>
class CaseIntegrationTest {

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    @Inject
    SenderMemory memory;

    private TestPublisher publisher;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static final String ADMIN = TestTokens.admin();
    private static final String DISPATCHER = TestTokens.dispatcher(SmallCity.DISTRICT);
    private static final String SUPERVISOR = TestTokens.supervisor(SmallCity.DISTRICT);
    private static final String URBAN = TestTokens.handler("u1", "dept-urban", SmallCity.DISTRICT);
    private static final String HOTLINE = TestTokens.builder().subject("hotline-12345").roles("service")
            .cells(SmallCity.DISTRICT).sign();

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @BeforeEach
    void setUp() throws IOException {
        publisher = TestPublisher.connect(brokerUrl);
        as(ADMIN).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids").then().statusCode(200);
        as(ADMIN).contentType(ContentType.JSON).body(defaultRulesWithSilenceOf("PT2S")).put("/api/v1/rules")
                .then().statusCode(200);
    }

    @AfterEach
    void tearDown() {
        publisher.close();
    }

    /** The documented default rules, with sensors counted silent after {@code silence} instead of 15 minutes. */
    private static String defaultRulesWithSilenceOf(String silence) throws IOException {
        try (InputStream in = CaseIntegrationTest.class.getResourceAsStream("/rules/default-rules.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"PT15M\"", "\"" + silence + "\"");
        }
    }

    private static void registerDevice(String id, String type, double lat, double lon) {
        as(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"" + type + "\",\"lat\":" + lat + ",\"lon\":" + lon + "}")
                .put("/api/v1/devices/" + id).then().statusCode(201);
    }

    private static List<Map<String, Object>> events(String cell, String category) {
        return as(DISPATCHER).queryParam("cell", cell).queryParam("category", category).get("/api/v1/events").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void smokeAndAFireCameraInOneCellRaiseOneRedEventWithTwoSources() throws Exception {
        TestSubscriber screen = TestSubscriber.subscribe(brokerUrl, "grid/v1/events/" + SmallCity.CELL_3);
        String sensor = "smk-" + run;
        String camera = "cam-" + run;
        registerDevice(sensor, "sensor", 22.51, 114.027);
        long ts = System.currentTimeMillis();
        publisher.publish("grid/v1/sensors/" + sensor + "/telemetry",
                "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"smoke\":0.8,\"temp\":30}}");
        publisher.publish("grid/v1/cameras/" + camera + "/detections", "{\"ts\":" + ts
                + ",\"seq\":1,\"kind\":\"fire\",\"confidence\":0.95,\"lat\":22.511,\"lon\":114.028}");
        long duplicatesBefore = detectionDuplicates();
        // a redelivery of the camera's message: stored once, and counted once in the event
        publisher.publish("grid/v1/cameras/" + camera + "/detections", "{\"ts\":" + ts
                + ",\"seq\":1,\"kind\":\"fire\",\"confidence\":0.95,\"lat\":22.511,\"lon\":114.028}");
        await().atMost(Duration.ofSeconds(30)).until(() -> detectionDuplicates() > duplicatesBefore);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> fires = events(SmallCity.CELL_3, "fire");
            assertThat(fires).hasSize(1);
            assertThat(fires.get(0)).containsEntry("severity", "RED").containsEntry("signals", 2)
                    .containsEntry("state", "REPORTED").containsEntry("department", "dept-fire");
            assertThat((List<Object>) fires.get(0).get("sources")).containsExactlyInAnyOrder("sensor:" + sensor,
                    "camera:" + camera);
            assertThat((List<Object>) fires.get(0).get("cellPath")).containsExactly("440305", "440305002", "440305002001",
                    SmallCity.CELL_3);
        });
        // every change also goes out on grid/v1/events/{cell}, with its change-log seq, in seq order
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(screen.received()).hasSizeGreaterThanOrEqualTo(2));
        List<JsonPath> messages = screen.received().stream().map(JsonPath::new).toList();
        assertThat(messages.get(0).getString("type")).isEqualTo("event.raised");
        assertThat(messages.get(messages.size() - 1).getString("type")).isEqualTo("event.updated");
        assertThat(messages.get(messages.size() - 1).getString("data.severity")).isEqualTo("RED");
        assertThat(messages.get(0).getLong("seq")).isLessThan(messages.get(messages.size() - 1).getLong("seq"));
        assertThat(messages.get(0).getString("data.trigger.source")).isIn("sensor", "camera");
        screen.close();
    }

    private static long detectionDuplicates() {
        return as(ADMIN).get("/api/v1/stats/ingest").then().extract().jsonPath().getLong("bySource.detection.duplicates");
    }

    @Test
    void departmentsAndCategoriesAreListed() {
        as(DISPATCHER).get("/api/v1/departments").then().statusCode(200).body("code", hasItems("dept-urban", "dept-fire"));
        as(DISPATCHER).get("/api/v1/categories").then().statusCode(200)
                .body("categories.find { it.code == 'exposed_garbage' }.nameZh", equalTo("暴露垃圾"))
                .body("classes.code", hasItem("city_appearance"));
    }

    @Test
    void aSilentSensorAndALastWillRaiseADeviceFault() {
        String quiet = "sil-" + run;
        String will = "lw-" + run;
        registerDevice(quiet, "sensor", 22.51, 114.035);
        registerDevice(will, "sensor", 22.512, 114.036);
        long ts = System.currentTimeMillis();
        publisher.publish("grid/v1/sensors/" + quiet + "/telemetry", "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"smoke\":0.01}}");
        publisher.publish("grid/v1/sensors/" + will + "/telemetry", "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"smoke\":0.01}}");
        publisher.publish("grid/v1/devices/" + will + "/status", "{\"ts\":" + (ts + 1) + ",\"online\":false}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> faults = events(SmallCity.EAST_CELL, "device_fault");
            assertThat(faults).hasSize(1);
            assertThat((List<Object>) faults.get(0).get("sources")).contains("sensor:" + quiet, "sensor:" + will);
            assertThat(faults.get(0)).containsEntry("severity", "GREEN").containsEntry("department", "dept-ops");
        });
    }

    @Test
    void aSensorLastHeardBeforeARestartIsReportedWhenItStaysSilent() {
        String sensor = "old-" + run;
        registerDevice(sensor, "sensor", 22.51, 114.005);
        long heard = System.currentTimeMillis() - 60_000;
        storeTelemetry(sensor, 41, heard, heard);

        memory.recallEveryRegisteredSender();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(SmallCity.WEST_CELL, "device_fault"))
                .anySatisfy(fault -> assertThat((List<Object>) fault.get("sources")).contains("sensor:" + sensor)));
    }

    @Test
    void aSensorWhoseMessagesAnotherInstanceStoresIsNotSilent() throws InterruptedException {
        String sensor = "shared-" + run;
        registerDevice(sensor, "sensor", 22.51, 114.015);
        long ts = System.currentTimeMillis();
        publisher.publish("grid/v1/sensors/" + sensor + "/telemetry", "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"smoke\":0.01}}");
        await().atMost(Duration.ofSeconds(20)).until(() -> new Db(pool).count(
                "SELECT count(*) FROM telemetry WHERE device_id = $1", sensor) == 1);

        for (int seq = 2; seq <= 7; seq++) { // what a second instance would store, unseen by this one
            storeTelemetry(sensor, seq, ts + seq * 1_000L, System.currentTimeMillis());
            Thread.sleep(1_000);
        }
        assertThat(events(SmallCity.MIDDLE_WEST_CELL, "device_fault"))
                .noneSatisfy(fault -> assertThat((List<Object>) fault.get("sources")).contains("sensor:" + sensor));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(SmallCity.MIDDLE_WEST_CELL, "device_fault"))
                .anySatisfy(fault -> assertThat((List<Object>) fault.get("sources")).contains("sensor:" + sensor)));
    }

    /** A reading stored as another instance, or this one before a restart, would have stored it. */
    private void storeTelemetry(String sensor, long seq, long ts, long receivedAt) {
        new Db(pool).execute("INSERT INTO telemetry (device_id, seq, ts, received_at, metrics) VALUES ('" + sensor + "', "
                + seq + ", " + ts + ", " + receivedAt + ", '{\"smoke\":0.01}')");
    }

    @Test
    void aWorkerReportBecomesOneCaseHoweverOftenItArrives() throws InterruptedException {
        String worker = "wrk-" + run;
        String report = UUID.randomUUID().toString();
        String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"reportId\":\"" + report
                + "\",\"category\":\"exposed_garbage\",\"description\":\"bags by the gate\",\"lat\":22.51,"
                + "\"lon\":114.012,\"photos\":[\"https://photos/1.jpg\"],\"severity\":\"YELLOW\"}";
        publisher.publish("grid/v1/workers/" + worker + "/reports", payload);
        publisher.publish("grid/v1/workers/" + worker + "/reports", payload);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                as(ADMIN).get("/api/v1/stats/ingest").then().extract().jsonPath().getLong("bySource.worker_report.duplicates"))
                .isGreaterThanOrEqualTo(1));

        List<Map<String, Object>> cases = events(SmallCity.MIDDLE_WEST_CELL, "exposed_garbage");
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0)).containsEntry("signals", 1).containsEntry("origin", "report")
                .containsEntry("reporter", worker).containsEntry("severity", "YELLOW")
                .containsEntry("description", "bags by the gate");
        as(DISPATCHER).get("/api/v1/events/" + cases.get(0).get("id")).then().statusCode(200)
                .body("history.action", contains("collect")).body("history[0].actor", equalTo(worker));
    }

    private static JsonPath act(String token, String id, String body, int status) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/events/" + id + "/transitions").then()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void aCaseWalksEveryStepWithRefusalReworkHistoryAndStatistics() {
        long start = System.currentTimeMillis();
        String id = as(HOTLINE).contentType(ContentType.JSON)
                .body("{\"category\":\"illegal_advertising\",\"severity\":\"GREEN\",\"cell\":\"" + SmallCity.WEST_CELL
                        + "\",\"description\":\"leaflets on the lamp posts\",\"reporter\":\"caller-" + run + "\"}")
                .post("/api/v1/events").then().statusCode(201).body("state", equalTo("REPORTED"))
                .extract().jsonPath().getString("id");

        assertThat(act(DISPATCHER, id, "{\"action\":\"dispatch\",\"to\":\"dept-urban\"}", 409)
                .getList("allowedActions", String.class)).contains("register", "refuse");
        JsonPath notForWorkers = act(TestTokens.worker("w1", SmallCity.DISTRICT), id, "{\"action\":\"register\"}", 403);
        assertThat(notForWorkers.getList("allowedRoles", String.class)).containsExactly("dispatcher");
        act(DISPATCHER, id, "{\"action\":\"register\"}", 200);
        assertThat(act(DISPATCHER, id, "{\"action\":\"dispatch\"}", 400).getString("field")).isEqualTo("to");
        act(DISPATCHER, id, "{\"action\":\"dispatch\",\"to\":\"dept-urban\"}", 200);
        act(URBAN, id, "{\"action\":\"accept\"}", 200);
        act(URBAN, id, "{\"action\":\"feedback\",\"note\":\"removed\",\"attachments\":[\"https://p/1.jpg\"]}", 200);
        JsonPath reworked = act(SUPERVISOR, id, "{\"action\":\"rework\",\"note\":\"two are left\"}", 200);
        assertThat(reworked.getString("state")).isEqualTo("DISPATCHED");
        assertThat(reworked.getInt("reworkCount")).isEqualTo(1);
        act(URBAN, id, "{\"action\":\"accept\"}", 200);
        act(URBAN, id, "{\"action\":\"feedback\",\"note\":\"all removed\"}", 200);
        // only the supervisor verifies a hotline case: the token roles that may are named, not the workflow's
        assertThat(act(DISPATCHER, id, "{\"action\":\"close\"}", 403).getList("allowedRoles", String.class))
                .containsExactly("supervisor");
        act(SUPERVISOR, id, "{\"action\":\"close\"}", 200);
        // evaluating a hotline case: the dispatcher, the supervisor and the hotline's service account, never "system"
        assertThat(act(URBAN, id, "{\"action\":\"evaluate\",\"score\":\"good\"}", 403)
                .getList("allowedRoles", String.class)).containsExactly("dispatcher", "supervisor", "service");
        act(DISPATCHER, id, "{\"action\":\"evaluate\",\"score\":\"good\"}", 200);

        JsonPath detail = as(DISPATCHER).get("/api/v1/events/" + id).then().statusCode(200)
                .body("event.state", equalTo("EVALUATED"))
                .body("history.action", contains("collect", "register", "dispatch", "accept", "feedback", "rework",
                        "accept", "feedback", "close", "evaluate"))
                .body("history[5].note", equalTo("two are left"))
                .body("history[4].attachments", contains("https://p/1.jpg")).extract().jsonPath();
        // who did each step is the subject of the token that did it, in the workflow role it acted in
        assertThat(detail.getList("history.actor", String.class).subList(1, 10)).containsExactly("disp-440305",
                "disp-440305", "u1", "u1", "sup-440305", "u1", "u1", "sup-440305", "disp-440305");
        assertThat(detail.getList("history.role", String.class).subList(1, 10)).containsExactly("dispatcher",
                "dispatcher", "department", "department", "supervisor", "department", "department", "supervisor",
                "dispatcher");

        String refused = as(HOTLINE).contentType(ContentType.JSON)
                .body("{\"category\":\"other\",\"cell\":\"" + SmallCity.MIDDLE_WEST_CELL + "\",\"reporter\":\"caller-" + run + "\"}")
                .post("/api/v1/events").then().statusCode(201).extract().jsonPath().getString("id");
        act(DISPATCHER, refused, "{\"action\":\"refuse\"}", 400);
        act(DISPATCHER, refused, "{\"action\":\"refuse\",\"note\":\"private property\"}", 200);

        JsonPath stats = as(SUPERVISOR).queryParam("scope", "440305001001").queryParam("from", start).queryParam("by", "category")
                .get("/api/v1/stats/cases").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getMap("groups.find { it.key == 'illegal_advertising' }")).containsEntry("reported", 1)
                .containsEntry("registered", 1).containsEntry("closed", 1).containsEntry("closedOnTime", 1)
                .containsEntry("reworked", 1).containsEntry("onTimeClosingRate", 1.0f).containsEntry("reworkRate", 1.0f);
        assertThat(stats.getMap("groups.find { it.key == 'other' }")).containsEntry("reported", 1)
                .containsEntry("refused", 1).containsEntry("registered", 0);
        as(SUPERVISOR).queryParam("scope", "440305002").queryParam("from", start).get("/api/v1/stats/cases").then()
                .statusCode(200).body("groups.key", org.hamcrest.Matchers.not(hasItems("440305001")));
        // without a scope: the one cell of the token
        as(SUPERVISOR).queryParam("from", start).get("/api/v1/stats/cases").then().statusCode(200)
                .body("scope", equalTo(SmallCity.DISTRICT)).body("groups.key", hasItem("440305001"));
        as(SUPERVISOR).queryParam("by", "street").get("/api/v1/stats/cases").then().statusCode(400).body("field", equalTo("by"));
    }

    @Test
    void fiftyConcurrentReportsOfOneCellAndCategoryMakeOneEvent() {
        String cell = SmallCity.MIDDLE_WEST_CELL;
        List<Integer> statuses = java.util.stream.IntStream.range(0, 50).parallel().mapToObj(i -> as(HOTLINE)
                .contentType(ContentType.JSON).body("{\"category\":\"road_damage\",\"cell\":\"" + cell
                        + "\",\"reporter\":\"caller-" + run + "-" + i + "\"}")
                .post("/api/v1/events").then().extract().statusCode()).toList();
        assertThat(statuses).containsOnly(201, 200);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        List<Map<String, Object>> open = events(cell, "road_damage");
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).containsEntry("signals", 50);
        assertThat((List<Object>) open.get(0).get("sources")).hasSize(50);
    }
}
