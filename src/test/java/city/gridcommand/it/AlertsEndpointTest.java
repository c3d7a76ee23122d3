package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.DeliveryOutcome;
import city.gridcommand.alerts.runtime.BrowserChannel;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.ScreenClient;
import city.gridcommand.testing.StoredAlerts;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws/v1/alerts} end to end with the embedded broker and database: refused without a sign-in (4401,
 * as {@code /ws/v1/live}) or a role (4403); an alert delivered through {@link BrowserChannel} (through the
 * broker, as from any instance) reaches the open sockets of its person, signed in by token or ticket, and not
 * another person's; an ack message is answered with the port's result; a message not understood is answered
 * with an error naming the field and the socket stays open; a socket opens with its person's open alerts.
 * Alerts to ack and to open with are written as the engine stores them ({@link StoredAlerts}); acks go to the
 * engine's {@code AlertAcks}.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class AlertsEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI root;

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    BrowserChannel browser;

    @Inject
    Pool pool;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<ScreenClient> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(ScreenClient::close);
    }

    private ScreenClient socket(String query, String token) {
        ScreenClient socket = ScreenClient.openPath(root, "/ws/v1/alerts", query, token);
        sockets.add(socket);
        return socket;
    }

    /** A signed-in socket, once it is registered (it answered a first message). */
    private ScreenClient ready(String token) {
        ScreenClient socket = socket(null, token);
        socket.send("{\"type\":\"hello\"}");
        await().atMost(WAIT).until(() -> !socket.ofType("error").isEmpty() || socket.isClosed());
        assertThat(socket.isClosed()).as("closed: %s", socket.closeReason()).isFalse();
        return socket;
    }

    private static String alert(String alertId, String person) {
        return new JsonObject().put("type", "alert").put("alertId", alertId).put("kind", "alert").put("reason", "raised")
                .put("person", person).put("cell", "440305001002005")
                .put("cellPath", new JsonArray(List.of("440305", "440305001", "440305001002", "440305001002005")))
                .put("severity", "RED").put("events", new JsonArray().add(new JsonObject().put("id", "e-" + alertId)
                        .put("category", "fire").put("severity", "RED").put("state", "REPORTED")))
                .put("step", 1).put("round", 1).put("ackBy", System.currentTimeMillis() + 300_000)
                .put("ts", System.currentTimeMillis()).encode();
    }

    private DeliveryOutcome deliver(String alertId, String person) {
        return browser.deliver(new AlertDelivery(1, alertId, person, "browser", "alert", 1, alert(alertId, person)))
                .toCompletableFuture().join();
    }

    private static List<JsonObject> alertsOf(ScreenClient socket, String alertId) {
        return socket.ofType("alert").stream().filter(m -> alertId.equals(m.getString("alertId"))).toList();
    }

    @Test
    void refusalsAreCloseCodesAsOnTheLiveFeed() {
        assertThat(socket(null, null).closeCode(WAIT)).isEqualTo(4401);
        ScreenClient forged = socket("ticket=bm90LWEtdGlja2V0.c2lnbmVk", null);
        assertThat(forged.closeCode(WAIT)).isEqualTo(4401);
        assertThat(forged.closeReason()).contains("ticket");
        assertThat(socket(null, TestTokens.builder().strangerKey().subject("x").roles("dispatcher").cells("440305")
                .sign()).closeCode(WAIT)).isEqualTo(4401);
        ScreenClient noRole = socket(null, TestTokens.builder().subject("nobody-" + run).cells("440305").sign());
        assertThat(noRole.closeCode(WAIT)).isEqualTo(4403);
        assertThat(noRole.closeReason()).contains("role");
    }

    @Test
    void anAlertReachesTheSocketsOfItsPersonAndNotAnothers() {
        String person = "disp-alerts-" + run;
        String other = "disp-other-" + run;
        ScreenClient byToken = ready(TestTokens.builder().subject(person).roles("dispatcher").cells("440305001").sign());
        String ticket = given().auth().oauth2(TestTokens.builder().subject(person).roles("dispatcher")
                .cells("440305001").sign()).post("/api/v1/live/tickets").then().statusCode(200).extract().jsonPath()
                .getString("ticket");
        ScreenClient byTicket = socket("ticket=" + ticket, null);
        byTicket.send("{\"type\":\"hello\"}");
        await().atMost(WAIT).until(() -> !byTicket.ofType("error").isEmpty() || byTicket.isClosed());
        ScreenClient another = ready(TestTokens.builder().subject(other).roles("dispatcher").cells("440305001").sign());

        String alertId = "al-" + run;
        DeliveryOutcome outcome = deliver(alertId, person);
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);

        await().atMost(WAIT).until(() -> !alertsOf(byToken, alertId).isEmpty() && !alertsOf(byTicket, alertId).isEmpty());
        JsonObject received = alertsOf(byToken, alertId).get(0);
        assertThat(received.getString("person")).isEqualTo(person);
        assertThat(received.getString("severity")).isEqualTo("RED");
        assertThat(received.getJsonArray("events").getJsonObject(0).getString("category")).isEqualTo("fire");

        // another instance's delivery arrives the same way: over the broker's staff topic
        String fromElsewhere = "al-elsewhere-" + run;
        try (TestPublisher instance = TestPublisher.connect(brokerUrl)) {
            instance.publish("grid/v1/staff/" + other + "/alerts", alert(fromElsewhere, other));
        }
        await().atMost(WAIT).until(() -> !alertsOf(another, fromElsewhere).isEmpty());
        assertThat(alertsOf(another, alertId)).as("not another person's alert").isEmpty();
        assertThat(alertsOf(byToken, fromElsewhere)).isEmpty();
        assertThat(alertsOf(byToken, alertId)).as("once").hasSize(1);
    }

    private static final String CELL = "440305001002005";
    private static final List<String> PATH = List.of("440305", "440305001", "440305001002", CELL);

    @Test
    void anAckIsAnsweredWithItsResultAndNonsenseWithAnErrorNamingTheField() {
        String person = "w-ack-" + run;
        String colleague = "w-colleague-" + run;
        long now = System.currentTimeMillis();
        String alertId = StoredAlerts.open(pool, CELL, PATH, "fire", now, person, colleague);
        String resolved = StoredAlerts.open(pool, CELL, PATH, "fire", now, person);
        StoredAlerts.resolve(pool, resolved, now);
        ScreenClient socket = ready(TestTokens.worker(person, "440305001"));
        ScreenClient stranger = ready(TestTokens.worker("w-stranger-" + run, "440305001"));

        socket.send("{\"type\":\"ack\",\"alertId\":\"" + alertId + "\"}");
        await().atMost(WAIT).until(() -> socket.ofType("ack.result").size() == 1);
        socket.send("{\"type\":\"ack\",\"alertId\":\"" + alertId + "\"}");
        socket.send("{\"type\":\"ack\",\"alertId\":\"" + UUID.randomUUID() + "\"}");
        socket.send("{\"type\":\"ack\",\"alertId\":\"no-such-" + run + "\"}");
        socket.send("{\"type\":\"ack\",\"alertId\":\"" + resolved + "\"}");
        stranger.send("{\"type\":\"ack\",\"alertId\":\"" + alertId + "\"}");
        await().atMost(WAIT).until(() -> socket.ofType("ack.result").size() == 5 && stranger.ofType("ack.result").size() == 1);
        assertThat(socket.ofType("ack.result").get(0).getString("status")).isEqualTo("acked");
        assertThat(socket.ofType("ack.result").get(0).getString("alertId")).isEqualTo(alertId);
        assertThat(socket.ofType("ack.result").stream().skip(1).map(m -> m.getString("status")))
                .containsExactlyInAnyOrder("already_acked", "unknown_alert", "unknown_alert", "ended");
        assertThat(stranger.ofType("ack.result").get(0).getString("status")).isEqualTo("not_recipient");
        Row acked = pool.preparedQuery("SELECT state, acked_by, ack_channel FROM alert WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(alertId))).toCompletionStage().toCompletableFuture().join()
                .iterator().next();
        assertThat(List.of(acked.getString(0), acked.getString(1), acked.getString(2)))
                .containsExactly("acked", person, "websocket");

        int errors = socket.ofType("error").size();
        socket.send("this is not json");
        socket.send("{\"type\":\"subscribe\"}");
        socket.send("{\"type\":\"ack\"}");
        await().atMost(WAIT).until(() -> socket.ofType("error").size() == errors + 3);
        assertThat(socket.ofType("error").subList(errors, errors + 3).stream().map(m -> m.getString("field")))
                .containsExactly("message", "type", "alertId");
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    void aSocketOpensWithItsPersonsOpenAlertsOldestFirst() {
        String person = "disp-open-" + run;
        long now = System.currentTimeMillis();
        String older = StoredAlerts.open(pool, CELL, PATH, "fire", now - 60_000, person);
        String newer = StoredAlerts.open(pool, CELL, PATH, "flood", now, person, "someone-else-" + run);
        String resolved = StoredAlerts.open(pool, CELL, PATH, "fire", now, person);
        StoredAlerts.resolve(pool, resolved, now);
        String othersOnly = StoredAlerts.open(pool, CELL, PATH, "fire", now, "someone-else-" + run);

        ScreenClient socket = socket(null, TestTokens.builder().subject(person).roles("dispatcher").cells("440305").sign());
        await().atMost(WAIT).until(() -> socket.ofType("alert").size() >= 2 || socket.isClosed());
        assertThat(socket.ofType("alert").stream().map(m -> m.getString("alertId"))).containsExactly(older, newer);
        assertThat(socket.ofType("alert").get(1).getString("person")).isEqualTo(person);
        assertThat(socket.ofType("alert").get(1).getJsonArray("events").getJsonObject(0).getString("category"))
                .isEqualTo("flood");
        assertThat(socket.ofType("error")).isEmpty();
        assertThat(socket.ofType("alert").stream().map(m -> m.getString("alertId"))).doesNotContain(resolved, othersOnly);
    }
}
