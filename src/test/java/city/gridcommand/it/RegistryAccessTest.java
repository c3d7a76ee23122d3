package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import city.gridcommand.store.StoreSettings;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry under sign-in, with real signed tokens: devices and workers are seen within the caller's
 * cells (lists leave the others out, one of them is 403 naming its cell), phone numbers only by the roles
 * that call people, a grid worker sees only themself, a position older than the retention is gone, and
 * what is the whole city's (the grid, the rules) is written only by an admin of the whole city. A gateway is
 * seen as the devices behind it are: its devices and workers within the caller's cells, and its own latest status.
 * Each test registers its own devices and workers under a department of its run, so that lists filtered by
 * it hold only them, whatever other tests left in the database.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class RegistryAccessTest {

    private static final String STREET_A = "440305001";
    private static final String STREET_B = "440305002";
    private static final String ADMIN = TestTokens.admin();
    private static final String PHONE = "+86 138 0000 0001";

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    @Inject
    StoreSettings store;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String department = "dept-" + run;
    /** A sensor in the west cell (street A), one in the east cell (street B), one mobile (no cell). */
    private final String deviceA = "a-" + run;
    private final String deviceB = "b-" + run;
    private final String mobile = "m-" + run;
    /** A grid worker assigned to the west cell (street A), one to the east cell (street B). */
    private final String workerA = "wa-" + run;
    private final String workerB = "wb-" + run;

    @BeforeEach
    void registerOnBothStreets() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids")
                .then().statusCode(200);
        putDevice(deviceA, ",\"lat\":22.506,\"lon\":114.006").then().statusCode(201).body("cell", equalTo(SmallCity.WEST_CELL));
        putDevice(deviceB, ",\"lat\":22.51,\"lon\":114.035").then().statusCode(201).body("cell", equalTo(SmallCity.EAST_CELL));
        putDevice(mobile, "").then().statusCode(201).body("cell", nullValue());
        putWorker(workerA, SmallCity.WEST_CELL);
        putWorker(workerB, SmallCity.EAST_CELL);
    }

    private io.restassured.response.Response putDevice(String id, String position) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"sensor\",\"department\":\"" + department + "\"" + position + "}")
                .put("/api/v1/devices/" + id);
    }

    private void putWorker(String id, String cell) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Worker " + id + "\",\"role\":\"worker\",\"cells\":[\"" + cell + "\"],\"department\":\""
                        + department + "\",\"phone\":\"" + PHONE + "\"}")
                .put("/api/v1/workers/" + id).then().statusCode(201);
    }

    private void insertPosition(String worker, long ts) {
        new Db(pool).execute("INSERT INTO worker_position (worker_id, seq, ts, received_at, lat, lon) VALUES ('" + worker
                + "', " + ts + ", " + ts + ", " + ts + ", 22.506, 114.006)");
    }

    @Test
    void aStreetDispatcherListsOnlyTheirStreetsDevicesAndWorkersAndIsRefusedTheOthersNamingTheCell() {
        String streetA = TestTokens.dispatcher(STREET_A);
        given().auth().oauth2(streetA).queryParam("department", department).get("/api/v1/devices").then()
                .statusCode(200).body("items.id", contains(deviceA));
        given().auth().oauth2(streetA).queryParam("department", department).get("/api/v1/workers").then()
                .statusCode(200).body("items.id", contains(workerA));
        given().auth().oauth2(streetA).get("/api/v1/devices/" + deviceA).then().statusCode(200);
        given().auth().oauth2(streetA).get("/api/v1/workers/" + workerA).then().statusCode(200);

        for (String path : new String[] {"/api/v1/devices/" + deviceB, "/api/v1/devices/" + deviceB + "/latest",
                "/api/v1/workers/" + workerB, "/api/v1/workers/" + workerB + "/position"}) {
            given().auth().oauth2(streetA).get(path).then().statusCode(403)
                    .contentType("application/problem+json").body("cell", equalTo(SmallCity.EAST_CELL))
                    .body("detail", containsString(STREET_A));
        }
        // a device without a cell is the whole city's
        given().auth().oauth2(streetA).get("/api/v1/devices/" + mobile).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("whole city"));
        given().auth().oauth2(TestTokens.dispatcher(TestTokens.DISTRICT)).queryParam("department", department)
                .get("/api/v1/devices").then().statusCode(200).body("items.id", contains(deviceA, deviceB));
        given().auth().oauth2(TestTokens.dispatcher("*")).queryParam("department", department).get("/api/v1/devices")
                .then().statusCode(200).body("items.id", contains(deviceA, deviceB, mobile));
        given().auth().oauth2(TestTokens.dispatcher(STREET_B)).queryParam("department", department)
                .get("/api/v1/workers").then().statusCode(200).body("items.id", contains(workerB));
    }

    @Test
    void aWorkerIsAlsoSeenWhereTheyAreCountedNow() {
        String streetA = TestTokens.dispatcher(STREET_A);
        given().auth().oauth2(streetA).get("/api/v1/workers/" + workerB).then().statusCode(403);
        try (TestPublisher terminal = TestPublisher.connect(brokerUrl)) {
            terminal.publish("grid/v1/workers/" + workerB + "/location", "{\"ts\":" + System.currentTimeMillis()
                    + ",\"seq\":1,\"lat\":22.506,\"lon\":114.006,\"accuracy\":5}");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(streetA)
                .get("/api/v1/workers/" + workerB).then().statusCode(200).body("currentCell", equalTo(SmallCity.WEST_CELL)));
        given().auth().oauth2(streetA).queryParam("department", department).get("/api/v1/workers").then()
                .statusCode(200).body("items.id", containsInAnyOrder(workerA, workerB));
        given().auth().oauth2(streetA).get("/api/v1/workers/" + workerB + "/position").then().statusCode(200)
                .body("lon", equalTo(114.006f));
    }

    @Test
    void phoneNumbersAreForTheRolesThatCallPeopleNotForAScreen() {
        String screen = TestTokens.screen(TestTokens.DISTRICT);
        given().auth().oauth2(screen).queryParam("department", department).get("/api/v1/workers").then()
                .statusCode(200).body("items.id", contains(workerA, workerB)).body("items.phone", everyItem(nullValue()));
        given().auth().oauth2(screen).get("/api/v1/workers/" + workerA).then().statusCode(200)
                .body("name", equalTo("Worker " + workerA)).body("phone", nullValue());

        for (String token : new String[] {TestTokens.dispatcher(TestTokens.DISTRICT),
                TestTokens.supervisor(TestTokens.DISTRICT), ADMIN}) {
            given().auth().oauth2(token).queryParam("department", department).get("/api/v1/workers").then()
                    .statusCode(200).body("items.phone", contains(PHONE, PHONE));
            given().auth().oauth2(token).get("/api/v1/workers/" + workerA).then().statusCode(200)
                    .body("phone", equalTo(PHONE));
        }
    }

    @Test
    void aGridWorkerReadsTheirOwnRecordAndPositionAndNoOneElses() {
        String self = TestTokens.worker(workerA, SmallCity.WEST_CELL);
        given().auth().oauth2(self).get("/api/v1/workers/" + workerA + "/position").then().statusCode(404);
        insertPosition(workerA, System.currentTimeMillis() - 60_000);

        given().auth().oauth2(self).get("/api/v1/workers/" + workerA).then().statusCode(200)
                .body("id", equalTo(workerA)).body("cells", contains(SmallCity.WEST_CELL));
        given().auth().oauth2(self).get("/api/v1/workers/" + workerA + "/position").then().statusCode(200)
                .body("workerId", equalTo(workerA)).body("lat", equalTo(22.506f));
        // not another worker, not even one of the same cell, and not the lists
        putWorker("wa2-" + run, SmallCity.WEST_CELL);
        for (String path : new String[] {"/api/v1/workers/wa2-" + run, "/api/v1/workers/wa2-" + run + "/position",
                "/api/v1/workers/" + workerB}) {
            given().auth().oauth2(self).get(path).then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(self).get("/api/v1/workers").then().statusCode(403);
        given().auth().oauth2(self).get("/api/v1/devices").then().statusCode(403);
    }

    @Test
    void aPositionOlderThanTheRetentionIsGoneEvenWhileItsRowIsStillThere() {
        long day = Duration.ofDays(1).toMillis();
        insertPosition(workerA, System.currentTimeMillis() - (store.retentionDays() + 1) * day);
        String dispatcher = TestTokens.dispatcher(TestTokens.DISTRICT);

        given().auth().oauth2(dispatcher).get("/api/v1/workers/" + workerA + "/position").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("within the retention"));
        given().auth().oauth2(ADMIN).get("/api/v1/workers/" + workerA + "/position").then().statusCode(404);

        long recent = System.currentTimeMillis() - (store.retentionDays() - 1) * day;
        insertPosition(workerA, recent);
        given().auth().oauth2(dispatcher).get("/api/v1/workers/" + workerA + "/position").then().statusCode(200)
                .body("ts", equalTo(recent));
    }

    @Test
    void aGatewayShowsTheDevicesAndWorkersBehindItWithinTheCallersCellsAndItsLatestOwnStatus() {
        String gateway = "gw-x-" + run;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"department\":\""
                + department + "\",\"lat\":22.506,\"lon\":114.006,\"gateway\":\"" + gateway + "\"}")
                .put("/api/v1/devices/" + deviceA).then().statusCode(200).body("gateway", equalTo(gateway));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"department\":\""
                + department + "\",\"lat\":22.51,\"lon\":114.035,\"gateway\":\"" + gateway + "\"}")
                .put("/api/v1/devices/" + deviceB).then().statusCode(200).body("gateway", equalTo(gateway));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"Worker " + workerA
                + "\",\"cells\":[\"" + SmallCity.WEST_CELL + "\"],\"gateway\":\"" + gateway + "\"}")
                .put("/api/v1/workers/" + workerA).then().statusCode(200).body("gateway", equalTo(gateway));
        given().auth().oauth2(ADMIN).get("/api/v1/devices/" + deviceA).then().statusCode(200)
                .body("gateway", equalTo(gateway));
        given().auth().oauth2(ADMIN).get("/api/v1/devices/" + mobile).then().statusCode(200).body("gateway", nullValue());
        given().auth().oauth2(ADMIN).get("/api/v1/workers/" + workerA).then().statusCode(200)
                .body("gateway", equalTo(gateway));
        given().auth().oauth2(ADMIN).get("/api/v1/workers/" + workerB).then().statusCode(200)
                .body("gateway", nullValue());

        String path = "/api/v1/gateways/" + gateway;
        given().auth().oauth2(ADMIN).get(path).then().statusCode(200).body("id", equalTo(gateway))
                .body("devices", contains(deviceA, deviceB)).body("workers", contains(workerA))
                .body("status", nullValue());
        // a street's dispatcher sees its part; a handler sees devices, never workers; a grid worker nothing
        given().auth().oauth2(TestTokens.dispatcher(STREET_A)).get(path).then().statusCode(200)
                .body("devices", contains(deviceA)).body("workers", contains(workerA));
        given().auth().oauth2(TestTokens.dispatcher(STREET_B)).get(path).then().statusCode(200)
                .body("devices", contains(deviceB)).body("workers", empty());
        given().auth().oauth2(TestTokens.handler("handler-" + run, department, "*")).get(path).then().statusCode(200)
                .body("devices", contains(deviceA, deviceB)).body("workers", empty());
        given().auth().oauth2(TestTokens.worker(workerA, SmallCity.WEST_CELL)).get(path).then().statusCode(403);

        // its own latest status by arrival: a later message with an earlier clock still wins
        long now = System.currentTimeMillis();
        Db db = new Db(pool);
        db.execute("INSERT INTO device_status (device_id, ts, received_at, online) VALUES ('" + gateway + "', "
                + (now - 1_000) + ", " + (now - 2_000) + ", true)");
        db.execute("INSERT INTO device_status (device_id, ts, received_at, online) VALUES ('" + gateway + "', "
                + (now - 5_000) + ", " + (now - 1_000) + ", false)");
        given().auth().oauth2(TestTokens.dispatcher(STREET_A)).get(path).then().statusCode(200)
                .body("status.online", equalTo(false)).body("status.ts", equalTo(now - 5_000))
                .body("status.receivedAt", equalTo(now - 1_000));

        // a gateway known only by its status is the whole city's; one nobody knows is not found
        String heardOnly = "gw-s-" + run;
        db.execute("INSERT INTO device_status (device_id, ts, received_at, online) VALUES ('" + heardOnly + "', "
                + now + ", " + now + ", true)");
        given().auth().oauth2(ADMIN).get("/api/v1/gateways/" + heardOnly).then().statusCode(200)
                .body("devices", empty()).body("workers", empty()).body("status.online", equalTo(true));
        given().auth().oauth2(TestTokens.dispatcher(STREET_A)).get("/api/v1/gateways/" + heardOnly).then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("whole city"));
        given().auth().oauth2(ADMIN).get("/api/v1/gateways/gw-none-" + run).then().statusCode(404)
                .contentType("application/problem+json");
        // nothing behind it in the caller's cells: refused
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"lat\":22.51,"
                + "\"lon\":114.035,\"gateway\":\"gw-east-" + run + "\"}").put("/api/v1/devices/" + deviceB)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.dispatcher(STREET_A)).get("/api/v1/gateways/gw-east-" + run).then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString(STREET_A));
    }

    @Test
    void aBadGatewayIsRefusedNamingTheField() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"gateway\":\"gw/#\"}")
                .put("/api/v1/devices/" + deviceA).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("gateway"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"cells\":[],\"gateway\":\"\"}")
                .put("/api/v1/workers/" + workerA).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("gateway"));
        given().auth().oauth2(ADMIN).get("/api/v1/gateways/" + "g".repeat(65)).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("gatewayId"));
        // nothing was written
        given().auth().oauth2(ADMIN).get("/api/v1/devices/" + deviceA).then().statusCode(200).body("gateway", nullValue());
        given().auth().oauth2(ADMIN).get("/api/v1/workers/" + workerA).then().statusCode(200).body("gateway", nullValue());
    }

    @Test
    void theGridAndTheRulesAreWrittenOnlyByAnAdminOfTheWholeCity() {
        String districtAdmin = TestTokens.builder().subject("admin-" + run).roles("admin").cells(TestTokens.DISTRICT)
                .sign();
        given().auth().oauth2(districtAdmin).contentType(ContentType.JSON).body(SmallCity.geoJson())
                .put("/api/v1/grids").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("whole city"));
        given().auth().oauth2(districtAdmin).contentType(ContentType.JSON).body(SmallCity.geoJson())
                .put("/api/v1/grids?dryRun=true").then().statusCode(403);
        given().auth().oauth2(districtAdmin).contentType(ContentType.JSON).body("{\"rules\":[]}")
                .put("/api/v1/rules").then().statusCode(403).contentType("application/problem+json");
        // the map is everyone's to read
        given().auth().oauth2(districtAdmin).get("/api/v1/grids/versions").then().statusCode(200);
    }

    @Test
    void onlyAnAdminWritesTheRegistry() {
        String dispatcher = TestTokens.dispatcher("*");
        given().auth().oauth2(dispatcher).contentType(ContentType.JSON).body("{\"type\":\"sensor\"}")
                .put("/api/v1/devices/" + deviceA).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(dispatcher).delete("/api/v1/devices/" + deviceA).then().statusCode(403);
        given().auth().oauth2(dispatcher).contentType(ContentType.JSON).body("{\"cells\":[]}")
                .put("/api/v1/workers/" + workerA).then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/v1/devices/" + deviceA).then().statusCode(200)
                .body("cell", equalTo(SmallCity.WEST_CELL));
    }

    @Test
    void anAdminOfOneStreetWritesOnlyInTheirStreet() {
        String streetAdmin = TestTokens.builder().subject("admin-a-" + run).roles("admin").cells(STREET_A).sign();
        // into street B, or somewhere without a cell: refused, naming the field
        given().auth().oauth2(streetAdmin).contentType(ContentType.JSON)
                .body("{\"type\":\"sensor\",\"lat\":22.51,\"lon\":114.035}").put("/api/v1/devices/" + deviceA).then()
                .statusCode(403).body("cell", equalTo(SmallCity.EAST_CELL)).body("field", equalTo("lat"));
        given().auth().oauth2(streetAdmin).contentType(ContentType.JSON).body("{\"type\":\"sensor\"}")
                .put("/api/v1/devices/" + deviceA).then().statusCode(403).body("field", equalTo("lat"));
        // out of street B, even into street A: refused, naming the device's cell
        given().auth().oauth2(streetAdmin).contentType(ContentType.JSON)
                .body("{\"type\":\"sensor\",\"lat\":22.506,\"lon\":114.006}").put("/api/v1/devices/" + deviceB).then()
                .statusCode(403).body("cell", equalTo(SmallCity.EAST_CELL)).body("field", nullValue());
        given().auth().oauth2(streetAdmin).delete("/api/v1/devices/" + deviceB).then().statusCode(403)
                .body("cell", equalTo(SmallCity.EAST_CELL));
        given().auth().oauth2(streetAdmin).contentType(ContentType.JSON)
                .body("{\"cells\":[\"" + SmallCity.WEST_CELL + "\",\"" + SmallCity.EAST_CELL + "\"]}")
                .put("/api/v1/workers/" + workerA).then().statusCode(403).body("field", equalTo("cells[1]"))
                .body("cell", equalTo(SmallCity.EAST_CELL));
        given().auth().oauth2(streetAdmin).delete("/api/v1/workers/" + workerB).then().statusCode(403)
                .body("cell", equalTo(SmallCity.EAST_CELL));
        // within street A: done
        given().auth().oauth2(streetAdmin).contentType(ContentType.JSON)
                .body("{\"type\":\"camera\",\"lat\":22.51,\"lon\":114.015,\"department\":\"" + department + "\"}")
                .put("/api/v1/devices/" + deviceA).then().statusCode(200).body("cell", equalTo(SmallCity.MIDDLE_WEST_CELL));
        given().auth().oauth2(streetAdmin).delete("/api/v1/workers/" + workerA).then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/api/v1/devices/" + deviceB).then().statusCode(200)
                .body("cell", equalTo(SmallCity.EAST_CELL));
        given().auth().oauth2(ADMIN).get("/api/v1/workers/" + workerB).then().statusCode(200);
    }

    @Test
    void deadLettersIngestCountersAndTheAuditTrailAreTheWholeCitysNotCutForAnAdminOfPart() {
        String streetAdmin = TestTokens.builder().subject("admin-a-" + run).roles("admin").cells(STREET_A).sign();
        for (String path : new String[] {"/api/v1/deadletters", "/api/v1/deadletters/1", "/api/v1/stats/ingest",
                "/api/v1/audit", "/api/v1/audit/1"}) {
            given().auth().oauth2(streetAdmin).get(path).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("whole city"));
        }
        given().auth().oauth2(streetAdmin).post("/api/v1/deadletters/replay").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/v1/deadletters").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/stats/ingest").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/audit").then().statusCode(200);
    }
}
