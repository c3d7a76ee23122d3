package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every feed of the contract over a real MQTT broker into a real PostgreSQL: rows, counters,
 * duplicates and dead letters, as a gateway, a terminal and an operator see them.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class IngestIntegrationTest {

    /** Ingest's counters and dead letters are an admin's; devices and positions the city centre's dispatcher's. */
    private static final String ADMIN = TestTokens.admin();
    private static final String CITY_DISPATCHER = TestTokens.dispatcher("*");

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/group/ingest", management = true)
    URL ingestHealth;

    @Inject
    Pool pool;

    private Db db;
    private TestPublisher device;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        db = new Db(pool);
        device = TestPublisher.connect(brokerUrl);
    }

    @AfterEach
    void disconnect() {
        device.close();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static JsonPath ingestStats() {
        return given().auth().oauth2(ADMIN).get("/api/v1/stats/ingest").then().statusCode(200).extract().jsonPath();
    }

    private void awaitCount(long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(db.count(sql, params)).isEqualTo(expected));
    }

    @Test
    void storesEveryFeedWithItsFields() {
        String sensor = "smk-" + run;
        String camera = "cam-" + run;
        String worker = "wrk-" + run;
        String report = UUID.randomUUID().toString();
        long ts = now();
        device.publish("grid/v1/sensors/" + sensor + "/telemetry",
                "{\"ts\":" + ts + ",\"seq\":42,\"metrics\":{\"smoke\":0.62,\"temp\":41.5},\"lat\":22.54,\"lon\":114.06}");
        device.publish("grid/v1/cameras/" + camera + "/detections",
                "{\"ts\":" + ts + ",\"seq\":7,\"kind\":\"fire\",\"confidence\":0.93,\"snapshotUrl\":\"https://cam/1.jpg\"}");
        device.publish("grid/v1/workers/" + worker + "/location",
                "{\"ts\":" + ts + ",\"seq\":3,\"lat\":22.55,\"lon\":114.07,\"accuracy\":8.5,\"battery\":0.71}");
        device.publish("grid/v1/workers/" + worker + "/reports", "{\"ts\":" + ts + ",\"reportId\":\"" + report
                + "\",\"category\":\"exposed_garbage\",\"description\":\"垃圾外溢\",\"lat\":22.55,\"lon\":114.07,"
                + "\"photos\":[\"https://p/1.jpg\",\"https://p/2.jpg\"],\"severity\":\"YELLOW\"}");
        device.publish("grid/v1/workers/" + worker + "/acks", "{\"ts\":" + ts + ",\"alertId\":\"alert-" + run + "\"}");
        device.publishRetained("grid/v1/devices/" + sensor + "/status", "{\"ts\":" + ts + ",\"online\":true}");

        awaitCount(1, "SELECT count(*) FROM device_status WHERE device_id = $1", sensor);
        awaitCount(1, "SELECT count(*) FROM telemetry WHERE device_id = $1", sensor);
        assertThat(db.count("SELECT count(*) FROM detection WHERE camera_id = $1 AND kind = 'fire' AND known_kind",
                camera)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM worker_report WHERE report_id = $1::uuid AND severity = 'YELLOW' "
                + "AND cardinality(photos) = 2 AND description = '垃圾外溢'", report)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM worker_ack WHERE worker_id = $1", worker)).isEqualTo(1);

        given().auth().oauth2(CITY_DISPATCHER).get("/api/v1/devices/{id}/latest", sensor).then().statusCode(200)
                .body("seq", equalTo(42)).body("metrics.smoke", equalTo(0.62f)).body("online", equalTo(true));
        given().auth().oauth2(CITY_DISPATCHER).get("/api/v1/workers/{id}/position", worker).then().statusCode(200)
                .body("lat", equalTo(22.55f)).body("battery", equalTo(0.71f));
        // Clear the retained status so later runs against the same broker do not see it.
        device.publishRetained("grid/v1/devices/" + sensor + "/status", "");
    }

    @Test
    void countsRedeliveredDuplicatesAndStoresEachMessageOnce() {
        String sensor = "dup-" + run;
        long before = ingestStats().getLong("bySource.telemetry.duplicates");
        String payload = "{\"ts\":" + now() + ",\"seq\":1,\"metrics\":{\"temp\":20}}";
        for (int i = 0; i < 3; i++) {
            device.publish("grid/v1/sensors/" + sensor + "/telemetry", payload);
        }
        String report = "{\"ts\":" + now() + ",\"reportId\":\"" + UUID.randomUUID()
                + "\",\"category\":\"road_damage\",\"lat\":22.5,\"lon\":114}";
        device.publish("grid/v1/workers/dup-" + run + "/reports", report);
        device.publish("grid/v1/workers/dup-" + run + "/reports", report);

        await().untilAsserted(() -> assertThat(ingestStats().getLong("bySource.telemetry.duplicates") - before)
                .isEqualTo(2));
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1", sensor)).isEqualTo(1);
        awaitCount(1, "SELECT count(*) FROM worker_report WHERE worker_id = $1", "dup-" + run);
        await().untilAsserted(() -> assertThat(ingestStats().getLong("bySource.worker_report.duplicates"))
                .isGreaterThanOrEqualTo(1));
    }

    @Test
    void deadLettersBadMessagesWithTheirReasonAndSender() {
        String sensor = "bad-" + run;
        String topic = "grid/v1/sensors/" + sensor + "/telemetry";
        device.publish(topic, "{\"ts\":" + now() + ",\"seq\":1,\"metrics\":{\"temp\":20},\"lat\":91,\"lon\":0}");
        device.publish(topic, "not json");
        device.publish("grid/v1/sensors/" + sensor + " x/telemetry", "{}");

        await().untilAsserted(() -> given().auth().oauth2(ADMIN).queryParam("reason", "coordinate_out_of_range").get("/api/v1/deadletters")
                .then().statusCode(200).body("items.senderId", hasItem(sensor)));
        JsonPath malformed = given().auth().oauth2(ADMIN).queryParam("reason", "malformed_json").get("/api/v1/deadletters").then()
                .statusCode(200).extract().jsonPath();
        List<String> payloads = malformed.getList("items.findAll { it.senderId == '" + sensor + "' }.payload");
        assertThat(payloads).containsExactly("not json");
        await().untilAsserted(() -> given().auth().oauth2(ADMIN).queryParam("reason", "invalid_sender_id").get("/api/v1/deadletters").then()
                .body("items.topic", hasItem("grid/v1/sensors/" + sensor + " x/telemetry")));
        ingestStatsHasRejections();
    }

    @Test
    void deadLettersAPayloadOfMegabytesWithItsSizeAndKeepsTheNextMessage() {
        String sensor = "huge-" + run;
        String topic = "grid/v1/sensors/" + sensor + "/telemetry";
        String huge = "{\"ts\":" + now() + ",\"seq\":1,\"pad\":\"" + "x".repeat(3_000_000) + "\"}";
        device.publish(topic, huge);
        device.publish(topic, "{\"ts\":" + now() + ",\"seq\":2,\"metrics\":{\"temp\":20}}");

        awaitCount(1, "SELECT count(*) FROM telemetry WHERE device_id = $1 AND seq = 2", sensor);
        JsonPath letters = given().auth().oauth2(ADMIN).queryParam("reason", "oversized_payload").get("/api/v1/deadletters").then()
                .statusCode(200).extract().jsonPath();
        String mine = "items.find { it.senderId == '" + sensor + "' }";
        assertThat(letters.getInt(mine + ".payloadSize")).isEqualTo(huge.length());
        assertThat(letters.getBoolean(mine + ".truncated")).isTrue();
        assertThat(letters.getString(mine + ".payload")).startsWith("{\"ts\":").hasSizeLessThan(5_000);
    }

    private static void ingestStatsHasRejections() {
        given().auth().oauth2(ADMIN).get("/api/v1/stats/ingest").then().statusCode(200)
                .body("rejectedByReason.malformed_json", greaterThanOrEqualTo(1))
                .body("rejectedByReason.invalid_sender_id", greaterThanOrEqualTo(1))
                .body("backPressure.state", equalTo("FLOWING"));
    }

    @Test
    void refusesBadQueriesWithProblemJsonNamingTheField() {
        given().auth().oauth2(ADMIN).queryParam("reason", "bogus").get("/api/v1/deadletters").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("reason"))
                .body("detail", org.hamcrest.Matchers.containsString("malformed_json"));
        given().auth().oauth2(ADMIN).queryParam("limit", "0").get("/api/v1/deadletters").then().statusCode(400).body("field", equalTo("limit"));
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").get("/api/v1/deadletters").then().statusCode(400)
                .body("field", equalTo("from"));
        given().auth().oauth2(CITY_DISPATCHER).get("/api/v1/devices/{id}/latest", "nobody-" + run).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void exposesCountersAsMetricsAndReadiness() {
        device.publish("grid/v1/sensors/m-" + run + "/telemetry", "{\"ts\":" + now() + ",\"seq\":1,\"metrics\":{\"t\":1}}");
        awaitCount(1, "SELECT count(*) FROM telemetry WHERE device_id = $1", "m-" + run);
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(scraped).contains("grid_ingest_received_total{source=\"telemetry\"}")
                .contains("grid_ingest_backpressure{state=\"FLOWING\"} 1.0").contains("grid_ingest_up 1.0");
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().get(ingestHealth).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("MQTT ingest"));
    }

    @Test
    void partitionsTelemetryAndPositionsByDayAroundToday() {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        for (String table : List.of("telemetry", "worker_position")) {
            assertThat(db.count("SELECT count(*) FROM pg_class WHERE relname = $1", table + "_p" + today)).isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
                    + "WHERE p.relname = $1", table)).isGreaterThanOrEqualTo(34);
        }
        long ts = now();
        device.publish("grid/v1/sensors/part-" + run + "/telemetry", "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"t\":1}}");
        awaitCount(1, "SELECT count(*) FROM telemetry_p" + today + " WHERE device_id = $1", "part-" + run);
        assertThat(db.count("SELECT count(*) FROM telemetry_default")).isZero();
    }
}
