package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import city.gridcommand.rules.runtime.SenderMemory;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The map end to end: import a grid over REST, locate points, register devices and workers, and see
 * every signal stored with its cells; a new grid re-locates fixed devices without stopping ingestion.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class GridIntegrationTest {

    /** The grid and the registry are an admin's; the map a screen's; devices and workers a dispatcher's. */
    private static final String ADMIN = TestTokens.admin();
    private static final String DISPATCHER = TestTokens.dispatcher(TestTokens.DISTRICT);
    private static final String SCREEN = TestTokens.screen(TestTokens.DISTRICT);

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    @Inject
    SenderMemory memory;

    private Db db;
    private TestPublisher publisher;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        db = new Db(pool);
        publisher = TestPublisher.connect(brokerUrl);
        importGrid(SmallCity.geoJson());
    }

    @AfterEach
    void tearDown() {
        publisher.close();
    }

    private static long importGrid(String geoJson) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(geoJson).put("/api/v1/grids")
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void locatesPointsBaseCellFirstThenAncestorsThenSpecialAndOverlay() {
        given().auth().oauth2(DISPATCHER).queryParam("lat", 22.506).queryParam("lon", 114.006).get("/api/v1/grids/locate").then()
                .statusCode(200)
                .body("outside", equalTo(false))
                .body("baseCell", equalTo(SmallCity.WEST_CELL))
                .body("cells", contains(SmallCity.WEST_CELL, "440305001001", "440305001", "440305", SmallCity.SCHOOL));
        given().auth().oauth2(DISPATCHER).queryParam("lat", 22.51).queryParam("lon", 114.016).get("/api/v1/grids/locate").then()
                .body("path", contains("440305", "440305001", "440305001001", SmallCity.MIDDLE_WEST_CELL))
                .body("overlay", contains(SmallCity.BEAT));
        given().auth().oauth2(DISPATCHER).queryParam("lat", 22.6).queryParam("lon", 114.0).get("/api/v1/grids/locate").then()
                .body("outside", equalTo(true)).body("cells", hasSize(0));
        given().auth().oauth2(DISPATCHER).queryParam("lat", 95).queryParam("lon", 114.0).get("/api/v1/grids/locate").then()
                .statusCode(400).body("field", equalTo("lat"));
    }

    @Test
    void exportsTheGridAndOneCellWithItsChildren() {
        given().auth().oauth2(SCREEN).get("/api/v1/grids").then().statusCode(200)
                .body("type", equalTo("FeatureCollection")).body("features", hasSize(11));
        given().auth().oauth2(SCREEN).get("/api/v1/grids/440305001001").then().statusCode(200)
                .body("feature.properties.code", equalTo("440305001001"))
                .body("path", contains("440305", "440305001", "440305001001"))
                .body("children", contains(SmallCity.WEST_CELL, SmallCity.MIDDLE_WEST_CELL, SmallCity.SCHOOL));
        given().auth().oauth2(SCREEN).get("/api/v1/grids/999999").then().statusCode(404);
    }

    @Test
    void refusesOverlappingBaseCellsNamingBothAndKeepsTheCurrentGrid() {
        long before = given().auth().oauth2(ADMIN).get("/api/v1/grids/versions").then().extract().jsonPath().getLong("[0].version");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(SmallCity.withOverlap()).put("/api/v1/grids").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.type", hasItem("overlap"))
                .body("errors.find { it.type == 'overlap' }.feature", equalTo(8))
                .body("errors.find { it.type == 'overlap' }.code", equalTo(SmallCity.EAST_CELL))
                .body("errors.find { it.type == 'overlap' }.other", equalTo("440305002001003"))
                // half of cell 4: 0.005° of longitude by 0.02° of latitude at 22.5° N, about 1.14 km²
                .body("errors.find { it.type == 'overlap' }.areaSquareMetres.toDouble()",
                        org.hamcrest.Matchers.closeTo(0.005 * 0.02 * 102_800 * 110_700, 20_000));
        given().auth().oauth2(ADMIN).get("/api/v1/grids/versions").then().body("[0].version", equalTo((int) before))
                .body("[0].current", equalTo(true));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"Feature\"}").put("/api/v1/grids").then()
                .statusCode(422).body("errors", hasSize(1));
    }

    @Test
    void registersDevicesAndWorkersWithValidationNamingTheField() {
        String sensor = "smk-" + run;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"sensor\",\"name\":\"Smoke 1\",\"lat\":22.506,\"lon\":114.006,"
                        + "\"capabilities\":[\"smoke\"],\"department\":\"dept-fire\"}")
                .put("/api/v1/devices/" + sensor).then().statusCode(201)
                .body("cell", equalTo(SmallCity.WEST_CELL)).body("cellPath", hasItem(SmallCity.SCHOOL));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"lat\":122.5,\"lon\":114.0}")
                .put("/api/v1/devices/bad-" + run).then().statusCode(400).body("field", equalTo("lat"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"drone\"}")
                .put("/api/v1/devices/bad-" + run).then().statusCode(400).body("field", equalTo("type"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"lat\":\"north\"}")
                .put("/api/v1/devices/bad-" + run).then().statusCode(400).body("field", equalTo("lat"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Li Wei\",\"role\":\"worker\",\"cells\":[\"" + SmallCity.WEST_CELL + "\",\"440305999\"]}")
                .put("/api/v1/workers/wrk-" + run).then().statusCode(400).body("field", equalTo("cells[1]"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Li Wei\",\"role\":\"worker\",\"cells\":[\"" + SmallCity.WEST_CELL + "\"],\"phone\":\"+86 138 0000 0000\"}")
                .put("/api/v1/workers/wrk-" + run).then().statusCode(201).body("cells", contains(SmallCity.WEST_CELL));
        given().auth().oauth2(DISPATCHER).get("/api/v1/devices/" + sensor).then().statusCode(200).body("department", equalTo("dept-fire"));
        given().auth().oauth2(DISPATCHER).queryParam("limit", 1).queryParam("type", "sensor").get("/api/v1/devices").then().statusCode(200)
                .body("items", hasSize(1));
        given().auth().oauth2(ADMIN).delete("/api/v1/devices/" + sensor).then().statusCode(204);
        given().auth().oauth2(DISPATCHER).get("/api/v1/devices/" + sensor).then().statusCode(404);
    }

    @Test
    void storesEverySignalWithItsCellsAndRelocatesFixedDevicesOnANewGrid() {
        String sensor = "fix-" + run;
        String camera = "cam-" + run;
        String worker = "wrk-" + run;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"lat\":22.51,\"lon\":114.012}")
                .put("/api/v1/devices/" + sensor).then().statusCode(201).body("cell", equalTo(SmallCity.MIDDLE_WEST_CELL));
        long ts = System.currentTimeMillis();
        publisher.publish("grid/v1/sensors/" + sensor + "/telemetry", "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"smoke\":0.1}}");
        publisher.publish("grid/v1/cameras/" + camera + "/detections", "{\"ts\":" + ts
                + ",\"seq\":1,\"kind\":\"fire\",\"confidence\":0.9,\"lat\":22.506,\"lon\":114.006}");
        publisher.publish("grid/v1/workers/" + worker + "/location", "{\"ts\":" + ts
                + ",\"seq\":1,\"lat\":22.51,\"lon\":114.035,\"accuracy\":5}");
        publisher.publish("grid/v1/sensors/out-" + run + "/telemetry", "{\"ts\":" + ts
                + ",\"seq\":1,\"metrics\":{\"smoke\":0.1},\"lat\":23.0,\"lon\":113.0}");

        awaitText(SmallCity.MIDDLE_WEST_CELL, "SELECT cell FROM telemetry WHERE device_id = $1", sensor);
        assertThat(db.text("SELECT array_to_string(cell_path, ',') FROM telemetry WHERE device_id = $1", sensor))
                .isEqualTo("440305,440305001,440305001001," + SmallCity.MIDDLE_WEST_CELL);
        awaitText("440305,440305001,440305001001," + SmallCity.WEST_CELL + "," + SmallCity.SCHOOL,
                "SELECT array_to_string(cell_path, ',') FROM detection WHERE camera_id = $1", camera);
        awaitText(SmallCity.EAST_CELL, "SELECT cell FROM worker_position WHERE worker_id = $1", worker);
        awaitText(SmallCity.EAST_CELL, "SELECT cell FROM worker_cell_change WHERE worker_id = $1 AND change = 'entered'",
                worker);
        awaitText("", "SELECT coalesce(cell, '') || array_to_string(cell_path, ',') FROM telemetry WHERE device_id = $1",
                "out-" + run);
        given().auth().oauth2(ADMIN).get("/api/v1/stats/ingest").then().body("bySource.telemetry.outside", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(DISPATCHER).get("/api/v1/workers/" + worker + "/position").then().statusCode(200);

        importGrid(SmallCity.geoJson(114.015));
        publisher.publish("grid/v1/sensors/" + sensor + "/telemetry", "{\"ts\":" + (ts + 1) + ",\"seq\":2,\"metrics\":{\"smoke\":0.2}}");
        awaitText(SmallCity.WEST_CELL, "SELECT cell FROM telemetry WHERE device_id = $1 AND seq = 2", sensor);
    }

    @Test
    void aWorkersCellIsRestoredAfterARestartFromTheirLastStoredCellChangeAndFix() {
        String settled = "wrk-set-" + run;
        String between = "wrk-mid-" + run;
        for (String worker : new String[] {settled, between}) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"role\":\"worker\",\"cells\":[\"" + SmallCity.EAST_CELL + "\"]}")
                    .put("/api/v1/workers/" + worker).then().statusCode(201).body("currentCell", equalTo(null));
        }
        long ts = System.currentTimeMillis() - 60_000;
        // as stored before the restart: both entered the east cell; the second's last fix is already west of it
        for (String worker : new String[] {settled, between}) {
            db.execute("INSERT INTO worker_cell_change (worker_id, ts, change, cell) VALUES ('" + worker + "', " + ts
                    + ", 'entered', '" + SmallCity.EAST_CELL + "')");
        }
        storePosition(settled, ts + 1_000, 114.035);
        storePosition(between, ts + 1_000, 114.025);

        memory.recallEveryRegisteredSender();

        given().auth().oauth2(DISPATCHER).get("/api/v1/workers/" + settled).then().statusCode(200).body("currentCell", equalTo(SmallCity.EAST_CELL));
        given().auth().oauth2(DISPATCHER).get("/api/v1/workers/" + between).then().statusCode(200).body("currentCell", equalTo(null));
        publisher.publish("grid/v1/workers/" + settled + "/location", "{\"ts\":" + (ts + 2_000)
                + ",\"seq\":9,\"lat\":22.51,\"lon\":114.036,\"accuracy\":5}");
        awaitText(SmallCity.EAST_CELL, "SELECT cell FROM worker_position WHERE worker_id = $1 AND seq = 9", settled);
        assertThat(db.count("SELECT count(*) FROM worker_cell_change WHERE worker_id = $1", settled))
                .as("no second 'entered' for a worker who never left").isEqualTo(1);
    }

    private void storePosition(String worker, long ts, double lon) {
        db.execute("INSERT INTO worker_position (worker_id, seq, ts, received_at, lat, lon) VALUES ('" + worker
                + "', 1, " + ts + ", " + ts + ", 22.51, " + lon + ")");
    }

    private void awaitText(String expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(db.text(sql, params)).isEqualTo(expected));
    }
}
