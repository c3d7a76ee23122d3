package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.cases.runtime.ClearingWatch;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.DyingDevice;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.SmallCityInForce;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway over a real MQTT broker into a real PostgreSQL, as a street's concentrator uses it: batches of
 * many devices' readings stored and located each; bad readings dead-lettered alone; a batch sent again
 * counted as duplicates; a device of another gateway refused; the gateway's last will taking every device
 * behind it offline with one device fault per cell, and its return clearing them.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class GatewayIngestTest {

    private static final String ADMIN = TestTokens.admin();
    /** Base cells and a point inside each (clear of the school); in CI the suite shares one database. */
    private static final Map<String, double[]> CELLS = new LinkedHashMap<>();

    static {
        CELLS.put(SmallCity.WEST_CELL, new double[] {22.515, 114.003});
        CELLS.put(SmallCity.MIDDLE_WEST_CELL, new double[] {22.515, 114.015});
        CELLS.put(SmallCity.CELL_3, new double[] {22.515, 114.025});
        CELLS.put(SmallCity.EAST_CELL, new double[] {22.515, 114.035});
    }

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    @Inject
    ClearingWatch watch;

    private Db db;
    private TestPublisher gateway;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String gatewayId = "lora-" + run;

    @BeforeEach
    void setUp() {
        db = new Db(pool);
        gateway = TestPublisher.connect(brokerUrl);
        SmallCityInForce.withDefaultRules();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    @Test
    void aBatchOf200ReadingsFor50DevicesIsStoredAndLocatedEach() {
        List<String> devices = register(50, gatewayId, new ArrayList<>(CELLS.keySet()));
        long ts = System.currentTimeMillis();

        gateway.publish(topic(gatewayId), batch(devices, 4, ts, 0.01));

        awaitCount(200, "SELECT count(*) FROM telemetry WHERE device_id LIKE $1", "smk-" + run + "-%");
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id LIKE $1 AND cell IS NULL",
                "smk-" + run + "-%")).as("every reading placed at its device's registered position").isZero();
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1 AND cell = $2",
                devices.get(1), SmallCity.MIDDLE_WEST_CELL)).isEqualTo(4);
        JsonPath stats = ingestStats();
        assertThat(stats.getLong("bySource.telemetry.gatewayMessages")).isPositive();
    }

    @Test
    void threeBadReadingsOf200AreDeadLetteredAloneAndTheOther197Stored() {
        List<String> devices = register(50, gatewayId, List.of(SmallCity.WEST_CELL));
        long ts = System.currentTimeMillis();
        Map<String, List<String>> readings = readings(devices, 4, ts, 0.01);
        readings.get(devices.get(3)).set(1, "{\"ts\":" + ts + ",\"seq\":-1,\"metrics\":{\"smoke\":0.01}}");
        readings.get(devices.get(17)).set(0, "{\"ts\":" + ts + ",\"seq\":9,\"metrics\":{}}");
        readings.get(devices.get(40)).set(3, "{\"ts\":" + ts + ",\"seq\":9,\"metrics\":{\"smoke\":0.1},\"lat\":95,\"lon\":114}");

        gateway.publish(topic(gatewayId), json(readings));

        awaitCount(197, "SELECT count(*) FROM telemetry WHERE device_id LIKE $1", "smk-" + run + "-%");
        awaitCount(3, "SELECT count(*) FROM dead_letter WHERE gateway_id = $1", gatewayId);
        List<Map<String, Object>> letters = given().auth().oauth2(ADMIN).queryParam("gateway", gatewayId)
                .get("/api/v1/deadletters").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(letters).extracting(letter -> letter.get("senderId"))
                .containsExactlyInAnyOrder(devices.get(3), devices.get(17), devices.get(40));
        assertThat(letters).extracting(letter -> letter.get("reason"))
                .containsExactlyInAnyOrder("invalid_value", "invalid_value", "coordinate_out_of_range");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.get("gateway")).isEqualTo(gatewayId);
            assertThat(letter.get("topic")).isEqualTo(topic(gatewayId));
            assertThat((String) letter.get("detail")).contains(gatewayId, (String) letter.get("senderId"));
            assertThat((String) letter.get("payload")).startsWith("{\"devices\":{\"" + letter.get("senderId") + "\":[");
        });
    }

    @Test
    void aBatchSentAgainIsCountedAsDuplicatesAndStoredOnce() {
        List<String> devices = register(10, gatewayId, List.of(SmallCity.EAST_CELL));
        String batch = batch(devices, 5, System.currentTimeMillis(), 0.01);
        long duplicatesBefore = ingestStats().getLong("bySource.telemetry.duplicates");

        gateway.publish(topic(gatewayId), batch);
        awaitCount(50, "SELECT count(*) FROM telemetry WHERE device_id LIKE $1", "smk-" + run + "-%");
        gateway.publish(topic(gatewayId), batch);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ingestStats().getLong("bySource.telemetry.duplicates") - duplicatesBefore).isGreaterThanOrEqualTo(50));
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id LIKE $1", "smk-" + run + "-%"))
                .isEqualTo(50);
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE gateway_id = $1", gatewayId)).isZero();
    }

    @Test
    void aReadingForADeviceOfAnotherGatewayIsRefusedAndTheRestStored() {
        List<String> mine = register(2, gatewayId, List.of(SmallCity.WEST_CELL));
        String other = "nvr-" + run;
        List<String> theirs = register(1, other, "cam-" + run + "-", List.of(SmallCity.WEST_CELL));
        long ts = System.currentTimeMillis();
        Map<String, List<String>> readings = readings(mine, 1, ts, 0.01);
        readings.put(theirs.get(0), List.of("{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"smoke\":0.01}}"));

        gateway.publish(topic(gatewayId), json(readings));

        awaitCount(1, "SELECT count(*) FROM dead_letter WHERE gateway_id = $1 AND reason = 'not_behind_gateway'",
                gatewayId);
        awaitCount(2, "SELECT count(*) FROM telemetry WHERE device_id LIKE $1", "smk-" + run + "-%");
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1", theirs.get(0))).isZero();
        assertThat(db.text("SELECT detail FROM dead_letter WHERE gateway_id = $1", gatewayId))
                .contains("behind gateway '" + other + "'");
        assertThat(ingestStats().getLong("bySource.telemetry.rejectedByReason.not_behind_gateway")).isPositive();
    }

    @Test
    void theGatewaysLastWillTakesEveryDeviceOfflineWithOneFaultPerCellAndItsReturnClearsThem() {
        List<String> cells = freeCells("device_fault", 2);
        List<String> devices = register(6, gatewayId, cells);
        long connectedAt = System.currentTimeMillis();
        String status = "grid/v1/gateways/" + gatewayId + "/status";
        try (DyingDevice concentrator = DyingDevice.connect(brokerUrl, gatewayId, status,
                "{\"ts\":" + connectedAt + ",\"online\":false}")) {
            concentrator.publish(status, "{\"ts\":" + connectedAt + ",\"online\":true}");
            concentrator.publish(topic(gatewayId), batch(devices, 1, System.currentTimeMillis(), 0.01));
            awaitCount(6, "SELECT count(*) FROM telemetry WHERE device_id LIKE $1", "smk-" + run + "-%");

            concentrator.kill();
        }

        awaitCount(6, "SELECT count(*) FROM device_status WHERE device_id LIKE $1 AND NOT online", "smk-" + run + "-%");
        assertThat(db.count("SELECT count(*) FROM device_status WHERE device_id = $1 AND NOT online", gatewayId))
                .isEqualTo(1);
        for (String cell : cells) {
            await().atMost(Duration.ofSeconds(30)).until(() -> openFaults(cell) == 1);
        }
        assertThat(db.count("SELECT signals FROM event WHERE cell = $1 AND category = 'device_fault' AND open",
                cells.get(0))).as("the cell's three devices in one event").isEqualTo(3);
        List<String> faults = new ArrayList<>();
        for (String cell : cells) {
            faults.add(db.text("SELECT id::text FROM event WHERE cell = $1 AND category = 'device_fault' AND open", cell));
        }

        gateway.publish(status, "{\"ts\":" + System.currentTimeMillis() + ",\"online\":true}");
        awaitCount(6, "SELECT count(*) FROM device_status WHERE device_id LIKE $1 AND online AND ts > $2",
                "smk-" + run + "-%", connectedAt);
        watch.clearAll(System.currentTimeMillis());
        for (String id : faults) {
            assertThat(db.text("SELECT state FROM event WHERE id = $1", UUID.fromString(id))).isEqualTo("CLEARED");
        }
    }

    // --- helpers

    /** {@code n} sensors behind {@code gateway}, registered at points of {@code cells} in turn. */
    private List<String> register(int n, String gateway, List<String> cells) {
        return register(n, gateway, "smk-" + run + "-", cells);
    }

    private List<String> register(int n, String gateway, String prefix, List<String> cells) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = prefix + String.format("%03d", i);
            double[] at = CELLS.get(cells.get(i % cells.size()));
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(String.format(Locale.ROOT, "{\"type\":\"sensor\",\"lat\":%s,\"lon\":%s,\"gateway\":\"%s\"}",
                            at[0], at[1], gateway))
                    .put("/api/v1/devices/" + id).then().statusCode(201);
            ids.add(id);
        }
        return ids;
    }

    private static String topic(String gatewayId) {
        return "grid/v1/gateways/" + gatewayId + "/telemetry";
    }

    private static Map<String, List<String>> readings(List<String> devices, int each, long ts, double smoke) {
        Map<String, List<String>> readings = new LinkedHashMap<>();
        for (String device : devices) {
            List<String> own = new ArrayList<>();
            for (int seq = 1; seq <= each; seq++) {
                own.add(String.format(Locale.ROOT, "{\"ts\":%d,\"seq\":%d,\"metrics\":{\"smoke\":%s,\"temp\":22.0}}",
                        ts, seq, smoke));
            }
            readings.put(device, own);
        }
        return readings;
    }

    private static String batch(List<String> devices, int each, long ts, double smoke) {
        return json(readings(devices, each, ts, smoke));
    }

    private static String json(Map<String, List<String>> readings) {
        StringBuilder json = new StringBuilder("{\"devices\":{");
        readings.forEach((device, own) -> json.append(json.length() > 12 ? "," : "").append('"').append(device)
                .append("\":[").append(String.join(",", own)).append(']'));
        return json.append("}}").toString();
    }

    private List<String> freeCells(String category, int n) {
        List<String> free = new ArrayList<>();
        for (String cell : CELLS.keySet()) {
            if (openFaults(cell) == 0 && free.size() < n) {
                free.add(cell);
            }
        }
        assertThat(free).as("cells without an open " + category + " event").hasSize(n);
        return free;
    }

    private long openFaults(String cell) {
        return db.count("SELECT count(*) FROM event WHERE cell = $1 AND category = 'device_fault' AND open", cell);
    }

    private void awaitCount(long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(db.count(sql, params)).isEqualTo(expected));
    }

    private static JsonPath ingestStats() {
        return given().auth().oauth2(ADMIN).get("/api/v1/stats/ingest").then().statusCode(200).extract().jsonPath();
    }
}
