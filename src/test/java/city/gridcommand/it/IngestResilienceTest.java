package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.ingest.RejectReason;
import city.gridcommand.testing.AdminConnection;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.MalformedPayloads;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Bad input, a slow database and a database outage: ingestion never stops, never loses, never grows. */
@QuarkusTest
class IngestResilienceTest {

    /** Ingest's counters are an admin's. */
    private static final String ADMIN = TestTokens.admin();

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String dbUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "grid.ingest.capacity")
    int capacity;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static long now() {
        return System.currentTimeMillis();
    }

    private static JsonPath stats() {
        return given().auth().oauth2(ADMIN).get("/api/v1/stats/ingest").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void deadLettersAThousandMalformedPayloadsAndStoresEveryValidOneAroundThem() {
        Db db = new Db(pool);
        List<MalformedPayloads.Case> cases = MalformedPayloads.generate(1000, 42, now());
        Map<RejectReason, Integer> expected = new EnumMap<>(RejectReason.class);
        try (TestPublisher device = TestPublisher.connect(brokerUrl)) {
            for (int i = 0; i < cases.size(); i++) {
                MalformedPayloads.Case bad = cases.get(i);
                device.publish("grid/v1/sensors/mal-" + run + "/telemetry", bad.payload());
                expected.merge(bad.reason(), 1, Integer::sum);
                if (i % 2 == 0) {
                    device.publish("grid/v1/sensors/ok-" + run + "/telemetry",
                            "{\"ts\":" + now() + ",\"seq\":" + i + ",\"metrics\":{\"t\":" + i + "}}");
                }
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1", "ok-" + run)).isEqualTo(500);
            assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1", "mal-" + run)).isEqualTo(1000);
        });
        for (Map.Entry<RejectReason, Integer> reason : expected.entrySet()) {
            assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1 AND reason = $2", "mal-" + run,
                    reason.getKey().code())).as(reason.getKey().code()).isEqualTo(reason.getValue().longValue());
        }
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1 AND reason = 'oversized_payload' "
                + "AND payload_size > 100000 AND octet_length(payload) <= 4096", "mal-" + run)).isPositive();
    }

    /**
     * A slow database: every write waits on a lock. The service takes in at most its capacity (the
     * broker keeps the rest: Mosquitto fills the receive maximum, HiveMQ stops at what is in flight),
     * acknowledges nothing it has not stored, and stores everything once the lock goes.
     */
    @Test
    void holdsBackWhileTheDatabaseIsSlowWithinCapacityThenCatchesUp() {
        Db db = new Db(pool);
        int messages = capacity + 300;
        long receivedBefore = stats().getLong("received");
        long processedBefore = stats().getLong("processed");
        try (AdminConnection lock = AdminConnection.open(vertx, dbUrl, dbUser)) {
            lock.sql("BEGIN");
            lock.sql("LOCK TABLE telemetry IN ACCESS EXCLUSIVE MODE");
            try (TestPublisher device = TestPublisher.connect(brokerUrl)) {
                // One device each: a broker may keep one QoS 1 message per topic in flight (HiveMQ does).
                for (int i = 0; i < messages; i++) {
                    device.publish("grid/v1/sensors/slow-" + run + "-" + i + "/telemetry",
                            "{\"ts\":" + now() + ",\"seq\":" + i + ",\"metrics\":{\"t\":1}}");
                }
            }
            await().pollDelay(Duration.ofSeconds(2)).untilAsserted(() -> {
                JsonPath stats = stats();
                int inFlight = stats.getInt("backPressure.inFlight");
                assertThat(inFlight).isPositive().isLessThanOrEqualTo(capacity);
                assertThat(stats.getLong("received") - receivedBefore).isEqualTo(inFlight).isLessThan(messages);
                if (inFlight == capacity) {
                    assertThat(stats.getString("backPressure.state")).isEqualTo("SATURATED");
                }
            });
            assertThat(stats().getLong("processed")).as("nothing stored while the table is locked")
                    .isEqualTo(processedBefore);
            lock.sql("ROLLBACK");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                db.count("SELECT count(*) FROM telemetry WHERE device_id LIKE $1", "slow-" + run + "-%")).isEqualTo(messages));
        await().untilAsserted(() -> assertThat(stats().getString("backPressure.state")).isEqualTo("FLOWING"));
    }

    /** The database refuses connections: batches are retried, nothing is acknowledged, readiness goes down. */
    @Test
    void stallsWhileTheDatabaseIsDownAndRecoversByItselfLosingNothing() {
        try (AdminConnection control = AdminConnection.outside(vertx, dbUrl, dbUser)) {
            try {
                control.sql("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS false");
                control.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database() + "'");
                try (TestPublisher device = TestPublisher.connect(brokerUrl)) {
                    for (int i = 0; i < 50; i++) {
                        device.publish("grid/v1/sensors/down-" + run + "/telemetry",
                                "{\"ts\":" + now() + ",\"seq\":" + i + ",\"metrics\":{\"t\":1}}");
                    }
                }
                await().untilAsserted(() -> {
                    JsonPath stats = stats();
                    assertThat(stats.getString("backPressure.state")).isEqualTo("STALLED");
                    assertThat(stats.getLong("backPressure.stalledSince")).isPositive();
                });
                given().get(ready).then().statusCode(503);
            } finally {
                control.sql("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS true");
            }
        }
        Db db = new Db(pool);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(
                db.count("SELECT count(*) FROM telemetry WHERE device_id = $1", "down-" + run)).isEqualTo(50));
        await().untilAsserted(() -> assertThat(stats().getString("backPressure.state")).isEqualTo("FLOWING"));
        // and the API is ready again by itself
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(ready).then().statusCode(200));
    }

    private String database() {
        return dbUrl.substring(dbUrl.lastIndexOf('/') + 1);
    }
}
