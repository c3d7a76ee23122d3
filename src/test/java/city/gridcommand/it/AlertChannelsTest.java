package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.OnCallInForce;
import city.gridcommand.testing.Ports;
import city.gridcommand.testing.ScreenClient;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTerminal;
import city.gridcommand.testing.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alert engine through every channel of a person, with the real broker, database and an HTTP receiver
 * in the test: a RED fire reaches the on-call worker's terminal, their /ws/v1/alerts socket and a webhook
 * receiver that verifies the signature, one body on all three; a webhook answering 500 is tried
 * {@code max-attempts} (5 here) times, each try signed anew and naming the same delivery, then dead, while
 * the other channels went on; the worker acks on the socket and the chain stops (its one step waits two
 * minutes for the ack, longer than the tries take). The worker is on call through a real schedule put in force
 * through the on-call API ({@link OnCallInForce}) and chose all four channels as their contact preferences.
 */
@QuarkusTest
@TestProfile(AlertChannelsTest.Webhooks.class)
class AlertChannelsTest {

    private static final String SECRET = "the-receiver-and-the-service-share-this";
    private static final String CELL = SmallCity.WEST_CELL;
    private static final double[] AT = {22.515, 114.003};
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Two webhooks on the test's HTTP server: one answering 204, one 500. */
    public static class Webhooks implements QuarkusTestProfile {
        static final int PORT = Ports.free();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.alerts.webhooks.receiver.url", "http://127.0.0.1:" + PORT + "/ok",
                    "grid.alerts.webhooks.receiver.secret", SECRET,
                    "grid.alerts.webhooks.failing.url", "http://127.0.0.1:" + PORT + "/broken",
                    "grid.alerts.webhooks.failing.secret", SECRET,
                    "grid.alerts.delivery.max-attempts", "5");
        }
    }

    private record Request(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    @TestHTTPResource("/")
    URI root;

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String worker = "oncall-channels-" + run;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private Db db;
    private TestPublisher publisher;
    private TestTerminal terminal;
    private ScreenClient socket;

    @BeforeEach
    void setUp() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", Webhooks.PORT), 0);
        receiver.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/ok") ? 204 : 500, -1);
            exchange.close();
        });
        receiver.start();
        db = new Db(pool);
        publisher = TestPublisher.connect(brokerUrl);
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids")
                .then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(redSmokeRules()).put("/api/v1/rules")
                .then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"policies":[{"id":"test-red-fire","category":"fire","severity":"RED","steps":[{"notify":"oncall","wait":"PT2M"}]}]}""")
                .put("/api/v1/alerts/policies").then().statusCode(200);
        OnCallInForce.schedules(OnCallInForce.allDay("channels-fire", "dept-fire", CELL.substring(0, 12), worker));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", worker, "role", "worker",
                "cells", List.of(CELL))).put("/api/v1/workers/" + worker).then().statusCode(201);
        OnCallInForce.contacts(worker, "terminal", "browser", "webhook:receiver", "webhook:failing");
        closeOpenFires();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (terminal != null) {
            terminal.close();
        }
        publisher.close();
        receiver.stop(0);
        closeOpenFires();
        try (InputStream in = AlertChannelsTest.class.getResourceAsStream("/alerts/alert-policies.json")) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8)).put("/api/v1/alerts/policies")
                    .then().statusCode(200);
        }
        OnCallInForce.none();
    }

    @Test
    void aRedFireReachesTerminalSocketAndWebhookAFailingWebhookIsRetriedThenDeadAndASocketAckStopsTheChain()
            throws Exception {
        terminal = TestTerminal.connect(brokerUrl, worker);
        socket = ScreenClient.openPath(root, "/ws/v1/alerts", null, TestTokens.worker(worker, CELL));
        socket.send("{\"type\":\"hello\"}");
        await().atMost(WAIT).until(() -> !socket.ofType("error").isEmpty() || socket.isClosed());

        publisher.publish("grid/v1/sensors/smk-ch-" + run + "/telemetry", String.format(Locale.ROOT,
                "{\"ts\":%d,\"seq\":1,\"metrics\":{\"smoke\":0.5,\"temp\":22.0},\"lat\":%s,\"lon\":%s}",
                System.currentTimeMillis(), AT[0], AT[1]));

        // one alert, the same body on the terminal, the socket and the webhook
        await().atMost(WAIT).until(() -> !terminal.received().isEmpty() && !socket.ofType("alert").isEmpty()
                && requests.stream().anyMatch(r -> r.path().equals("/ok")));
        JsonObject onTerminal = new JsonObject(terminal.received().get(0));
        String alertId = onTerminal.getString("alertId");
        assertThat(onTerminal.getString("person")).isEqualTo(worker);
        assertThat(socket.ofType("alert").get(0)).isEqualTo(onTerminal);
        Request posted = requests.stream().filter(r -> r.path().equals("/ok")).findFirst().orElseThrow();
        assertThat(new JsonObject(posted.body())).isEqualTo(onTerminal);
        assertThat(posted.header("X-Grid-Attempt")).isEqualTo("1");
        assertThat(posted.header("X-Grid-Signature"))
                .isEqualTo(signature(posted.header("X-Grid-Timestamp"), posted.body()));
        // the outcome is written once the try answered: after the receiver had the request
        await().atMost(WAIT).until(() -> "sent".equals(db.text(
                "SELECT state FROM alert_delivery WHERE alert_id = $1 AND channel = 'webhook:receiver'",
                UUID.fromString(alertId))));

        // the failing webhook: five tries of one delivery, each signed, then dead; the others were sent meanwhile
        await().atMost(WAIT).until(() -> "dead".equals(db.text(
                "SELECT state FROM alert_delivery WHERE alert_id = $1 AND channel = 'webhook:failing'",
                UUID.fromString(alertId))));
        List<Request> tries = requests.stream().filter(r -> r.path().equals("/broken")).toList();
        assertThat(tries.stream().map(r -> r.header("X-Grid-Attempt"))).containsExactly("1", "2", "3", "4", "5");
        assertThat(tries.stream().map(r -> r.header("X-Grid-Delivery")).distinct()).hasSize(1);
        assertThat(tries).allSatisfy(r -> assertThat(r.header("X-Grid-Signature"))
                .isEqualTo(signature(r.header("X-Grid-Timestamp"), r.body())));
        assertThat(db.text("SELECT last_error FROM alert_delivery WHERE alert_id = $1 AND channel = 'webhook:failing'",
                UUID.fromString(alertId))).contains("HTTP 500");
        assertThat(db.count("SELECT count(*) FROM alert_delivery WHERE alert_id = $1 AND state = 'sent'",
                UUID.fromString(alertId))).isEqualTo(3);

        // the worker acks on the socket: acked, over the websocket
        socket.send("{\"type\":\"ack\",\"alertId\":\"" + alertId + "\"}");
        await().atMost(WAIT).until(() -> !socket.ofType("ack.result").isEmpty());
        assertThat(socket.ofType("ack.result").get(0).getString("status")).isEqualTo("acked");
        assertThat(db.text("SELECT state || '/' || acked_by || '/' || ack_channel FROM alert WHERE id = $1",
                UUID.fromString(alertId))).isEqualTo("acked/" + worker + "/websocket");
    }

    private static String signature(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private void closeOpenFires() {
        db.execute("UPDATE event SET open = false, state = 'CLOSED' WHERE category = 'fire' AND open AND cell = '"
                + CELL + "'");
        db.execute("UPDATE alert SET state = 'resolved', next_step_at = NULL WHERE state = 'open' AND cell = '" + CELL + "'");
    }

    private static String redSmokeRules() throws IOException {
        try (InputStream in = AlertChannelsTest.class.getResourceAsStream("/rules/default-rules.json")) {
            JsonObject rules = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            rules.getJsonArray("rules").stream().map(JsonObject.class::cast)
                    .filter(rule -> "smoke-high".equals(rule.getString("id"))).forEach(rule -> rule.put("severity", "RED"));
            return rules.encode();
        }
    }
}
