package city.gridcommand.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.embedded.EmbeddedBroker;
import city.gridcommand.it.process.GatewayStream;
import city.gridcommand.it.process.ItDatabase;
import city.gridcommand.it.process.MosquittoFromConfig;
import city.gridcommand.it.process.ServiceProcess;
import city.gridcommand.testing.Ports;
import city.gridcommand.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway streaming its devices' batches while the packaged service is killed with {@code kill -9} and
 * started again: the jar as a child JVM writing to PostgreSQL, behind a Mosquitto configured by
 * {@code mqtt-config/} with the gateway's ACL block from {@code make-acl.sh} (or the embedded HiveMQ where
 * Mosquitto is not installed). The broker takes the gateway's batches (PUBACK) while the service is away
 * and keeps them in the service's persistent session; what the service had taken but not acknowledged
 * when it died comes again. The service is killed a second time while it takes that backlog (hundreds of
 * readings in flight, batches stored whose PUBACK the broker never read). Every reading of every batch the
 * gateway got a PUBACK for ends stored exactly once, and the last start counts every reading that came
 * again and was stored already as a duplicate. For the second kill the service holds few readings at a time and
 * PostgreSQL is made slow (a trigger that sleeps in every telemetry INSERT), so the backlog takes seconds to drain
 * and the kill lands in it.
 */
class GatewayKillIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path FOLDER = Path.of("target", "it", "gateway-kill-" + RUN);
    private static final String SERVICE_PASSWORD = "svc-" + RUN;
    private static final String GATEWAY = "lora-kill-" + RUN;
    private static final String GATEWAY_PASSWORD = "gw-" + RUN;

    private static final int BATCHES = 400;
    private static final int READINGS_PER_BATCH = 50;
    private static final int DEVICES = 100;
    private static final int READINGS = BATCHES * READINGS_PER_BATCH;

    private static MosquittoFromConfig mosquitto;
    private static EmbeddedBroker hivemq;
    private static ItDatabase database;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> environment = new HashMap<>();
        if (MosquittoFromConfig.available()) {
            mosquitto = MosquittoFromConfig.start(FOLDER.resolve("mosquitto"),
                    Map.of("grid-command", SERVICE_PASSWORD, GATEWAY, GATEWAY_PASSWORD), List.of("gateway:" + GATEWAY));
            environment.put("GRID_MQTT_URL", mosquitto.tlsUrl());
            environment.put("GRID_MQTT_USERNAME", "grid-command");
            environment.put("GRID_MQTT_PASSWORD", SERVICE_PASSWORD);
            environment.put("JAVA_TOOL_OPTIONS", mosquitto.trustOptions());
        } else {
            hivemq = EmbeddedBroker.start(FOLDER.resolve("hivemq"), "127.0.0.1", Ports.free());
            environment.put("GRID_MQTT_URL", hivemq.url());
        }
        database = ItDatabase.start(FOLDER.resolve("postgres"));
        Path signingKey = FOLDER.resolve("identity").resolve("signing-key.jwk").toAbsolutePath();
        TestTokens.writeKey(signingKey);
        environment.put("GRID_MQTT_CLIENT_ID", "grid-command-it-" + RUN);
        environment.put("GRID_DB_URL", database.url());
        environment.put("GRID_DB_USERNAME", database.user());
        environment.put("GRID_DEMO_ENABLED", "false");
        environment.put("GRID_AUTH_BUILTIN_ISSUER_ALLOWED", "true");
        environment.put("GRID_AUTH_SIGNING_KEY", signingKey.toString());
        service = new ServiceProcess(environment, FOLDER.resolve("logs"));
        service.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (hivemq != null) {
            hivemq.close();
        }
    }

    @Test
    void everyReadingOfEveryBatchTheBrokerAcceptedIsStoredExactlyOnceAcrossTwoKillMinus9s() throws Exception {
        String prefix = "gk-" + RUN + "-";
        GatewayStream gateway = mosquitto != null
                ? new GatewayStream(mosquitto.url(), GATEWAY, GATEWAY_PASSWORD, prefix, DEVICES)
                : new GatewayStream(hivemq.url(), GATEWAY, null, prefix, DEVICES);
        gateway.start(BATCHES, READINGS_PER_BATCH, 40, 8);

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(prefix) >= READINGS / 5);
        service.kill9();
        long storedAtKill = settled(prefix);
        assertThat(storedAtKill).as("killed mid-stream").isLessThan(READINGS);
        long batchesAtKill = gateway.sentBatches();
        // the gateway goes on while the service is away: the broker takes its batches for the service's session
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.sentBatches() >= batchesAtKill + 60);
        assertThat(stored(prefix)).as("nothing stored while the service is away").isEqualTo(storedAtKill);
        gateway.done().get(90, TimeUnit.SECONDS);
        assertThat(gateway.failedReadings()).isZero();
        assertThat(gateway.acceptedReadings()).as("every reading the broker took while the service was away too")
                .isEqualTo(READINGS);

        // started again, it takes the backlog from its session, hundreds of readings in flight; killed again while
        // at it, it leaves batches stored but not yet acknowledged, which the broker sends again. Left to itself the
        // service drains a backlog of this size in one or two writes, well under a second and faster than a kill can
        // be aimed. So this start holds at most 10 readings unacknowledged (its own setting) and writes to a slow
        // PostgreSQL (every telemetry INSERT sleeps before it ends): the backlog then takes seconds on any machine
        // and the kill lands in it, with INSERTs running that commit after the service is gone
        service.setting("GRID_INGEST_CAPACITY", "10");
        long storedAtSecondKill;
        try (AutoCloseable slow = slowTelemetryWrites()) {
            service.startApi();
            await().atMost(Duration.ofSeconds(60)).alias("the restarted service takes the backlog")
                    .until(() -> stored(prefix) >= storedAtKill + 2_000);
            service.kill9();
            storedAtSecondKill = settled(prefix);
        } finally {
            service.setting("GRID_INGEST_CAPACITY", null);
        }
        assertThat(storedAtSecondKill).as("killed while taking the backlog").isLessThan(READINGS);
        service.start();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(stored(prefix)).isEqualTo(READINGS));
        assertThat(database.count("SELECT count(DISTINCT (device_id, seq)) FROM telemetry WHERE device_id LIKE ?",
                prefix + "%")).isEqualTo(READINGS);
        assertThat(database.count("SELECT count(*) FROM dead_letter WHERE gateway_id = ? OR sender_id LIKE ?", GATEWAY,
                prefix + "%")).as("dead letters of the run").isZero();

        // what the restarted service counted: the rest stored as new, and every reading that came again a duplicate
        JsonObject telemetry = await().atMost(Duration.ofSeconds(30)).until(GatewayKillIT::telemetryStats,
                stats -> stats.getLong("processed") >= READINGS - storedAtSecondKill
                        && stats.getLong("received") == stats.getLong("processed") + stats.getLong("duplicates"));
        System.out.printf("gateway kill -9: %d of %d readings stored at the first kill, %d at the second; the restarted "
                + "service received %d, stored %d, counted %d duplicates%n", storedAtKill, READINGS, storedAtSecondKill,
                telemetry.getLong("received"), telemetry.getLong("processed"), telemetry.getLong("duplicates"));
        assertThat(telemetry.getLong("processed")).as("stored as new by the restarted service")
                .isEqualTo(READINGS - storedAtSecondKill);
        assertThat(telemetry.getLong("rejected")).isZero();
        assertThat(telemetry.getLong("gatewayMessages") * READINGS_PER_BATCH).as("readings of the batches it took")
                .isEqualTo(telemetry.getLong("received"));
        assertThat(telemetry.getLong("duplicates")).as("readings that came again, already stored")
                .isPositive().isEqualTo(telemetry.getLong("received") - (READINGS - storedAtSecondKill));
        Thread.sleep(2_000);
        assertThat(stored(prefix)).as("nothing stored twice after things settle").isEqualTo(READINGS);
    }

    /**
     * A statement trigger that makes every INSERT into telemetry take a tenth of a second longer, a slow disk,
     * until the returned handle is closed.
     */
    private static AutoCloseable slowTelemetryWrites() throws Exception {
        database.execute("CREATE OR REPLACE FUNCTION it_slow_write() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN PERFORM pg_sleep(0.1); RETURN NULL; END $$");
        database.execute("CREATE TRIGGER it_slow_write AFTER INSERT ON telemetry FOR EACH STATEMENT "
                + "EXECUTE FUNCTION it_slow_write()");
        return () -> database.execute("DROP FUNCTION it_slow_write() CASCADE");
    }

    private static long stored(String prefix) throws Exception {
        return database.count("SELECT count(*) FROM telemetry WHERE device_id LIKE ?", prefix + "%");
    }

    /** The count once the dead service's last commits are in: the same for a second. */
    private static long settled(String prefix) throws Exception {
        long before = stored(prefix);
        while (true) {
            Thread.sleep(1_000);
            long now = stored(prefix);
            if (now == before) {
                return now;
            }
            before = now;
        }
    }

    private static JsonObject telemetryStats() throws Exception {
        HttpResponse<String> stats = service.get("/api/v1/stats/ingest", TestTokens.admin());
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        return new JsonObject(stats.body()).getJsonObject("bySource").getJsonObject("telemetry");
    }
}
