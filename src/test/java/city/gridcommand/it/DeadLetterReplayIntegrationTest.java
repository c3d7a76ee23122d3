package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import city.gridcommand.audit.AuditEntry;
import city.gridcommand.testing.AdminConnection;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A row the database refuses for a reason that is neither an outage nor a data exception (a trigger
 * raising P0001): its batch is split, the row is dead-lettered with the message as it arrived and the rest
 * stored; a replay re-injects it, and once the trigger is gone it is stored and its dead letter marked.
 */
@QuarkusTest
class DeadLetterReplayIntegrationTest {

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String dbUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Dead letters and ingest's counters are an admin's: this run's own, so its audit entries are its own. */
    private final String admin = TestTokens.builder().subject("admin-" + run).roles("admin").cells("*").sign();
    private final String trigger = "refuse_" + run;
    private final String refused = "refused-" + run;
    private final String fine = "fine-" + run;

    @AfterEach
    void dropTrigger() {
        new Db(pool).execute("DROP TRIGGER IF EXISTS " + trigger + " ON telemetry; DROP FUNCTION IF EXISTS " + trigger
                + "(); DROP SEQUENCE IF EXISTS " + trigger);
    }

    private JsonPath stats() {
        return given().auth().oauth2(admin).get("/api/v1/stats/ingest").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath replay(long since) {
        return given().auth().oauth2(admin).queryParam("reason", "store_rejected").queryParam("from", since)
                .post("/api/v1/deadletters/replay").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void splitsTheBatchDeadLettersTheRefusedRowWithItsPayloadAndReplaysItOnceTheCauseIsGone() {
        Db db = new Db(pool);
        long since = System.currentTimeMillis();
        // The sequence counts the statements that tried the refused row; it is not rolled back with them.
        db.execute("CREATE SEQUENCE " + trigger + "; CREATE FUNCTION " + trigger + "() RETURNS trigger "
                + "LANGUAGE plpgsql AS $$ BEGIN IF NEW.device_id = '" + refused + "' THEN "
                + "PERFORM nextval('" + trigger + "'); RAISE EXCEPTION 'device % is refused', NEW.device_id; "
                + "END IF; RETURN NULL; END $$; CREATE TRIGGER " + trigger + " AFTER INSERT ON telemetry "
                + "FOR EACH ROW EXECUTE FUNCTION " + trigger + "()");
        String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":10,\"metrics\":{\"smoke\":0.7}}";
        publishInOneBatch(payload);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id LIKE $1", fine + "-%")).isEqualTo(19);
            assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1", refused)).isEqualTo(1);
        });
        assertThat(db.count("SELECT last_value FROM " + trigger)).as("tried in a batch with others, then split")
                .isGreaterThanOrEqualTo(2);
        long id = db.count("SELECT id FROM dead_letter WHERE sender_id = $1", refused);
        given().auth().oauth2(admin).get("/api/v1/deadletters/{id}", id).then().statusCode(200)
                .body("reason", equalTo("store_rejected"))
                .body("topic", equalTo("grid/v1/sensors/" + refused + "/telemetry"))
                .body("payload", equalTo(payload)).body("payloadSize", equalTo(payload.length()))
                .body("truncated", equalTo(false)).body("replayedAt", nullValue())
                .body("detail", containsString("device " + refused + " is refused"));
        long replayedBefore = stats().getLong("replayed");

        // Still refused: the replay stores a new dead letter and marks the old one; it does not take the new one.
        assertThat(replay(since).getInt("replayed")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1", refused)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE id = $1 AND replayed_at IS NOT NULL", id))
                .isEqualTo(1);

        dropTrigger();
        JsonPath outcome = replay(since);
        assertThat(outcome.getInt("replayed")).isEqualTo(1);
        assertThat(outcome.getInt("failed")).isZero();
        assertThat(outcome.getBoolean("more")).isFalse();
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1 AND seq = 10", refused))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1 AND replayed_at IS NULL", refused))
                .isZero();
        assertThat(replay(since).getInt("replayed")).as("a dead letter is replayed once").isZero();
        assertThat(stats().getLong("replayed") - replayedBefore).isEqualTo(2);
        assertThat(given().get(metrics).then().extract().asString()).contains("grid_ingest_replayed_total");

        // each replay is in the audit trail, newest first, with its filters and what it did
        JsonPath audit = given().auth().oauth2(admin).queryParam("actor", "admin-" + run)
                .queryParam("action", AuditEntry.DEADLETTERS_REPLAY).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(audit.getList("items.detail.outcome.replayed", Integer.class)).containsExactly(0, 1, 1);
        assertThat(audit.getList("items.detail.filters.reason", String.class)).containsOnly("store_rejected");
        assertThat(audit.getList("items.detail.filters.from", Long.class)).containsOnly(since);
        assertThat(audit.getList("items.detail.filters.limit", Integer.class)).containsOnly(1000);
        assertThat(audit.getList("items.roles")).containsOnly(java.util.List.of("admin"));
    }

    /**
     * Holds the table while the twenty messages arrive, so that they queue behind the first write and go
     * to the database together: the refused one (the tenth) shares its batch with good ones. Mosquitto
     * hands all twenty over at once; the embedded HiveMQ CE holds the rest back until the first is
     * acknowledged, then sends them in one burst. One sender each: a broker may keep one QoS 1 message per
     * topic in flight (HiveMQ does).
     */
    private void publishInOneBatch(String refusedPayload) {
        long received = stats().getLong("received");
        try (AdminConnection lock = AdminConnection.open(vertx, dbUrl, dbUser);
                TestPublisher device = TestPublisher.connect(brokerUrl)) {
            lock.sql("BEGIN");
            lock.sql("LOCK TABLE telemetry IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < 20; i++) {
                if (i == 10) {
                    device.publish("grid/v1/sensors/" + refused + "/telemetry", refusedPayload);
                } else {
                    device.publish("grid/v1/sensors/" + fine + "-" + i + "/telemetry",
                            "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + i + ",\"metrics\":{\"smoke\":0.1}}");
                }
            }
            int arrived = System.getenv("GRID_MQTT_URL") == null ? 1 : 20;
            await().untilAsserted(() -> assertThat(stats().getLong("received") - received)
                    .isGreaterThanOrEqualTo(arrived));
            lock.sql("ROLLBACK");
        }
    }

    @Test
    void answersProblemsForAnUnknownOrMalformedIdAndABadReason() {
        given().auth().oauth2(admin).get("/api/v1/deadletters/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).get("/api/v1/deadletters/{id}", "twelve").then().statusCode(400).body("field", equalTo("id"));
        given().auth().oauth2(admin).queryParam("reason", "bogus").post("/api/v1/deadletters/replay").then().statusCode(400)
                .body("field", equalTo("reason"));
        given().auth().oauth2(admin).queryParam("limit", "0").post("/api/v1/deadletters/replay").then().statusCode(400)
                .body("field", equalTo("limit"));
    }
}
