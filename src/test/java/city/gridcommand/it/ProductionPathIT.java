package city.gridcommand.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.gridcommand.embedded.EmbeddedBroker;
import city.gridcommand.it.process.ItDatabase;
import city.gridcommand.it.process.MosquittoFromConfig;
import city.gridcommand.it.process.ServiceProcess;
import city.gridcommand.it.process.SteadyPublisher;
import city.gridcommand.testing.Ports;
import city.gridcommand.testing.TestPublisher;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as production runs it: a child JVM, authenticated over TLS against a Mosquitto
 * configured by {@code mqtt-config/} (or the embedded HiveMQ where Mosquitto is not installed), writing to
 * PostgreSQL. Devices publish on the plain listener. Health is on its management port; the API takes the
 * tokens the jar's own {@code token} command prints (the built-in issuer, allowed here explicitly: with a
 * real database it is refused unless GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true, see BuiltInIssuerRefusedIT).
 */
class ProductionPathIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path FOLDER = Path.of("target", "it", RUN);
    private static final String SERVICE_PASSWORD = "svc-" + RUN;
    private static final String BENCH_PASSWORD = "bench-" + RUN;

    private static MosquittoFromConfig mosquitto;
    private static EmbeddedBroker hivemq;
    private static String brokerUrl;
    private static ItDatabase database;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        if (MosquittoFromConfig.available()) {
            mosquitto = MosquittoFromConfig.start(FOLDER.resolve("mosquitto"),
                    Map.of("grid-command", SERVICE_PASSWORD, "grid-bench", BENCH_PASSWORD,
                            "smk-" + RUN, "smk", "smk-other-" + RUN, "other", "wrk-" + RUN, "wrk"),
                    List.of("sensor:smk-" + RUN, "sensor:smk-other-" + RUN, "worker:wrk-" + RUN));
            brokerUrl = mosquitto.url();
        } else {
            hivemq = EmbeddedBroker.start(FOLDER.resolve("hivemq"), "127.0.0.1", Ports.free());
            brokerUrl = hivemq.url();
        }
        database = ItDatabase.start(FOLDER.resolve("postgres"));
        Map<String, String> environment = new HashMap<>();
        environment.put("GRID_MQTT_URL", mosquitto == null ? brokerUrl : mosquitto.tlsUrl());
        environment.put("GRID_MQTT_CLIENT_ID", "grid-command-it-" + RUN);
        environment.put("GRID_DB_URL", database.url());
        environment.put("GRID_DB_USERNAME", database.user());
        environment.put("GRID_AUTH_BUILTIN_ISSUER_ALLOWED", "true");
        environment.put("GRID_AUTH_SIGNING_KEY", FOLDER.resolve("identity").resolve("signing-key.jwk").toAbsolutePath()
                .toString());
        if (mosquitto != null) {
            environment.put("GRID_MQTT_USERNAME", "grid-command");
            environment.put("GRID_MQTT_PASSWORD", SERVICE_PASSWORD);
            environment.put("JAVA_TOOL_OPTIONS", mosquitto.trustOptions());
        }
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
    void everyMessageTheBrokerAcceptedIsStoredExactlyOnceAcrossAKillMinus9() throws Exception {
        int messages = 20_000;
        String prefix = "crash-" + RUN + "-";
        SteadyPublisher publisher = new SteadyPublisher(brokerUrl, mosquitto == null ? null : "grid-bench",
                BENCH_PASSWORD, prefix, 200).start(messages, 2_000);

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(prefix) > 3_000);
        service.kill9();
        long storedAtKill = stored(prefix);
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.sent() > storedAtKill + 3_000);
        service.start();

        publisher.done().get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(publisher.failed()).isZero();
        assertThat(publisher.accepted()).isEqualTo(messages);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(stored(prefix)).isEqualTo(messages));
        assertThat(database.count("SELECT count(DISTINCT (device_id, seq)) FROM telemetry WHERE device_id LIKE ?",
                prefix + "%")).isEqualTo(messages);
        Thread.sleep(2_000);
        assertThat(stored(prefix)).as("nothing stored twice after things settle").isEqualTo(messages);
    }

    @Test
    void theApiTakesTheTokensOfTheJarsOwnTokenCommandAndHealthIsOnTheManagementPortOnly() throws Exception {
        String admin = service.token("--user", "ops-" + RUN, "--role", "admin", "--cells", "*");
        String dispatcher = service.token("--user", "d-" + RUN, "--role", "dispatcher", "--cells", "440305");

        HttpResponse<String> stats = service.get("/api/v1/stats/ingest", admin);
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        assertThat(stats.body()).contains("bySource");
        assertThat(service.get("/api/v1/stats/ingest", dispatcher).statusCode()).isEqualTo(403);
        assertThat(service.get("/api/v1/events", dispatcher).statusCode()).isEqualTo(200);
        assertThat(service.get("/api/v1/stats/ingest")).isEqualTo(401);
        assertThat(service.get("/api/v1/auth/jwks")).isEqualTo(200);

        assertThat(service.management("/q/health/ready")).isEqualTo(200);
        assertThat(service.management("/q/metrics")).isEqualTo(200);
        assertThat(service.get("/q/health/ready")).isEqualTo(404);
        assertThat(service.get("/q/metrics")).isEqualTo(404);
    }

    @Test
    void theBrokerLetsASensorPublishOnlyUnderItsOwnId() throws Exception {
        assumeTrue(mosquitto != null, "needs mosquitto to check mqtt-config's ACL");
        String own = "grid/v1/sensors/smk-" + RUN + "/telemetry";
        String other = "grid/v1/sensors/smk-other-" + RUN + "/telemetry";
        String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":1,\"metrics\":{\"smoke\":0.1}}";
        try (TestPublisher sensor = TestPublisher.connect(brokerUrl, "smk-" + RUN, "smk-" + RUN, "smk");
                TestPublisher worker = TestPublisher.connect(brokerUrl, "wrk-" + RUN, "wrk-" + RUN, "wrk")) {
            assertThat(sensor.publish(own, payload)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(sensor.publish(other, payload)).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(worker.publish("grid/v1/sensors/wrk-" + RUN + "/telemetry", payload))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> database.count(
                "SELECT count(*) FROM telemetry WHERE device_id = ?", "smk-" + RUN) == 1);
        assertThat(database.count("SELECT count(*) FROM telemetry WHERE device_id IN (?, ?)", "smk-other-" + RUN,
                "wrk-" + RUN)).isZero();
    }

    private static long stored(String prefix) throws Exception {
        return database.count("SELECT count(*) FROM telemetry WHERE device_id LIKE ?", prefix + "%");
    }
}
