package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Field devices as they really behave, over a real broker into a real PostgreSQL: a camera whose
 * {@code seq} starts again at 1 after a reboot, redeliveries, a message reusing a stored key with another
 * payload, a birth message and a last will stamped with the same connect time, and a device killed
 * without a DISCONNECT whose broker-published will (older than everything it sent) takes it offline.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
@SuppressWarnings("unchecked") // event bodies are JSON maps; their lists are read as List<Object>
class FieldDeviceIdentityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Grid, rules, registry and dead letters are an admin's; events the district's dispatcher's. */
    private static final String ADMIN = TestTokens.admin();
    private static final String DISPATCHER = TestTokens.dispatcher(TestTokens.DISTRICT);
    /** The dispatcher of street two, where the camera that dies is mounted (cell 3). */
    private static final String STREET_TWO = TestTokens.dispatcher("440305002");

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    private Db db;
    private TestPublisher publisher;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        db = new Db(pool);
        publisher = TestPublisher.connect(brokerUrl);
        SmallCityInForce.withDefaultRules();
    }

    @AfterEach
    void tearDown() {
        publisher.close();
    }

    private static void registerCamera(String id, double lat, double lon) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"camera\",\"lat\":" + lat + ",\"lon\":" + lon + "}")
                .put("/api/v1/devices/" + id).then().statusCode(201);
    }

    private static String detection(long ts, int seq, String kind, double confidence) {
        return "{\"ts\":" + ts + ",\"seq\":" + seq + ",\"kind\":\"" + kind + "\",\"confidence\":" + confidence + "}";
    }

    private static JsonPath stats() {
        return given().auth().oauth2(ADMIN).get("/api/v1/stats/ingest").then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> events(String cell, String category) {
        return given().auth().oauth2(DISPATCHER).queryParam("cell", cell).queryParam("category", category).get("/api/v1/events").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    private static boolean signalledBy(Map<String, Object> event, String source) {
        return ((List<Object>) event.get("sources")).contains(source);
    }

    @Test
    void aCameraWhoseSeqStartsAgainAfterARebootHasEveryDetectionStoredAndRaisesItsEvents() {
        String camera = "reboot-" + run;
        String topic = "grid/v1/cameras/" + camera + "/detections";
        registerCamera(camera, 22.51, 114.005);
        long booted = System.currentTimeMillis() - 60_000;
        for (int seq = 1; seq <= 3; seq++) {
            publisher.publish(topic, detection(booted + seq * 1_000L, seq, "crowd", 0.2));
        }
        long rebooted = booted + 30_000;
        publisher.publish(topic, detection(rebooted + 1_000, 1, "crowd", 0.2));
        // the default fire rule confirms: two fire detections of one camera within two minutes
        publisher.publish(topic, detection(rebooted + 2_000, 2, "fire", 0.95));
        publisher.publish(topic, detection(rebooted + 3_000, 3, "fire", 0.93));

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                db.count("SELECT count(*) FROM detection WHERE camera_id = $1", camera)).isEqualTo(6));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(SmallCity.WEST_CELL, "fire"))
                .anySatisfy(fire -> assertThat(signalledBy(fire, "camera:" + camera)).isTrue()));
    }

    @Test
    void aRedeliveryIsStoredOnceAndAnotherPayloadUnderAStoredKeyIsDeadLetteredWithBothHashes() throws Exception {
        String camera = "same-key-" + run;
        String topic = "grid/v1/cameras/" + camera + "/detections";
        long ts = System.currentTimeMillis();
        String stored = detection(ts, 1, "crowd", 0.2);
        String other = detection(ts, 1, "crowd", 0.3);
        JsonPath before = stats();

        publisher.publish(topic, stored);
        publisher.publish(topic, stored);
        publisher.publish(topic, other);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath after = stats();
            assertThat(conflicts(after)).isEqualTo(conflicts(before) + 1);
            assertThat(after.getLong("bySource.detection.duplicates"))
                    .isEqualTo(before.getLong("bySource.detection.duplicates") + 1);
        });
        assertThat(db.count("SELECT count(*) FROM detection WHERE camera_id = $1", camera)).isEqualTo(1);
        assertThat(db.text("SELECT confidence FROM detection WHERE camera_id = $1", camera)).isEqualTo("0.2");
        JsonPath letters = given().auth().oauth2(ADMIN).queryParam("reason", "conflicting_duplicate").get("/api/v1/deadletters").then()
                .statusCode(200).extract().jsonPath();
        String mine = "items.find { it.senderId == '" + camera + "' }";
        assertThat(letters.getString(mine + ".payload")).isEqualTo(other);
        assertThat(letters.getString(mine + ".topic")).isEqualTo(topic);
        assertThat(letters.getString(mine + ".detail")).contains(sha256(stored)).contains(sha256(other));
    }

    /** Reasons appear in the stats once counted. */
    private static long conflicts(JsonPath stats) {
        Long count = stats.getObject("rejectedByReason.conflicting_duplicate", Long.class);
        return count == null ? 0 : count;
    }

    private static String sha256(String payload) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
    }

    @Test
    void aBirthAndAWillOfOneConnectTimeAndTwoActionsOnOneEventAtOneTimeAreEachStored() {
        String device = "keys-" + run;
        long ts = System.currentTimeMillis();
        publisher.publish("grid/v1/devices/" + device + "/status", "{\"ts\":" + ts + ",\"online\":true}");
        publisher.publish("grid/v1/devices/" + device + "/status", "{\"ts\":" + ts + ",\"online\":false}");
        String acks = "grid/v1/workers/" + device + "/acks";
        publisher.publish(acks, "{\"ts\":" + ts + ",\"eventId\":\"e-" + run + "\",\"action\":\"accept\"}");
        publisher.publish(acks, "{\"ts\":" + ts + ",\"eventId\":\"e-" + run + "\",\"action\":\"feedback\"}");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(db.count("SELECT count(*) FROM device_status WHERE device_id = $1", device)).isEqualTo(2);
            assertThat(db.count("SELECT count(*) FROM worker_ack WHERE worker_id = $1", device)).isEqualTo(2);
        });
    }

    @Test
    void aCameraKilledWithoutDisconnectGoesOfflineByItsWillRaisesADeviceFaultAndComesBackOnline() {
        String camera = "will-" + run;
        String status = "grid/v1/devices/" + camera + "/status";
        registerCamera(camera, 22.515, 114.028);
        given().auth().oauth2(STREET_TWO).get("/api/v1/devices/{id}/latest", camera).then().statusCode(200)
                .body("type", org.hamcrest.Matchers.equalTo("camera"))
                .body("online", org.hamcrest.Matchers.nullValue());

        long connected = System.currentTimeMillis();
        String offline = "{\"ts\":" + connected + ",\"online\":false}";
        try (DyingDevice device = DyingDevice.connect(brokerUrl, "cam-client-" + run, status, offline)) {
            device.publish(status, "{\"ts\":" + connected + ",\"online\":true}");
            for (int seq = 1; seq <= 5; seq++) {
                device.publish("grid/v1/cameras/" + camera + "/detections",
                        detection(connected + seq * 1_000L, seq, "crowd", 0.2));
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    db.count("SELECT count(*) FROM detection WHERE camera_id = $1", camera)).isEqualTo(5));
            given().auth().oauth2(STREET_TWO).get("/api/v1/devices/{id}/latest", camera).then().statusCode(200)
                    .body("online", org.hamcrest.Matchers.equalTo(true));
            device.kill();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(events(SmallCity.CELL_3, "device_fault"))
                .anySatisfy(fault -> assertThat(signalledBy(fault, "camera:" + camera)).isTrue()));
        JsonPath down = given().auth().oauth2(STREET_TWO).get("/api/v1/devices/{id}/latest", camera).then().statusCode(200).extract().jsonPath();
        assertThat(down.getBoolean("online")).isFalse();
        assertThat(down.getLong("statusTs")).as("the will's own, stale ts").isEqualTo(connected);
        assertThat(down.getLong("lastHeardAt")).isEqualTo(down.getLong("statusReceivedAt"));
        assertThat(down.getInt("detection.seq")).isEqualTo(5);
        assertThat(down.getString("metrics")).as("a camera sends no telemetry").isNull();

        publisher.publish(status, "{\"ts\":" + System.currentTimeMillis() + ",\"online\":true}");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(STREET_TWO).get("/api/v1/devices/{id}/latest", camera).then()
                .body("online", org.hamcrest.Matchers.equalTo(true)));
        assertThat(events(SmallCity.CELL_3, "device_fault"))
                .filteredOn(fault -> signalledBy(fault, "camera:" + camera))
                .as("the fault stays open for people to work").extracting(fault -> fault.get("state"))
                .containsOnly("REPORTED");
    }
}
