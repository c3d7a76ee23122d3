package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.OnCallInForce;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestSubscriber;
import city.gridcommand.testing.TestTerminal;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts down through a gateway, over the real broker and database: a worker whose terminal is registered
 * behind a gateway gets the terminal channel's RED alert on {@code grid/v1/gateways/{gatewayId}/alerts}, the
 * same alert naming them in {@code "worker"}, and nothing on their own topic; a worker with a terminal of their
 * own still gets it on {@code grid/v1/workers/{id}/alerts}; each delivery records the topic it went to
 * ({@code sentDetail}). The policy in force tells the worker behind the
 * gateway first and, with no ack by the test's 3 s deadline, the worker with their own terminal; both chose
 * the terminal alone as their channel. The worker behind the gateway acks through it
 * ({@code grid/v1/gateways/{gatewayId}/acks}) and the chain stops; the same ack from another gateway is
 * refused ({@code not_behind_gateway}) and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class GatewayAlertsTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String CELL = SmallCity.WEST_CELL;
    private static final double[] AT = {22.515, 114.003};
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String gateway = "gw-x-" + run;
    private final String behind = "behind-" + run;
    private final String own = "own-" + run;
    private Db db;
    private TestPublisher publisher;
    private TestSubscriber gatewayAlerts;
    private TestSubscriber behindOwnTopic;
    private TestTerminal ownTerminal;

    @BeforeEach
    void setUp() throws Exception {
        db = new Db(pool);
        publisher = TestPublisher.connect(brokerUrl);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(redSmokeRules()).put("/api/v1/rules")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"policies":[{"id":"test-gateway-fire","category":"fire","severity":"RED","repeat":1,"steps":[
                  {"notify":"person","person":"%s"},{"notify":"person","person":"%s"}]}]}""".formatted(behind, own))
                .put("/api/v1/alerts/policies").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", behind, "role", "worker",
                "cells", List.of(CELL), "gateway", gateway)).put("/api/v1/workers/" + behind).then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", own, "role", "worker",
                "cells", List.of(CELL))).put("/api/v1/workers/" + own).then().statusCode(201);
        OnCallInForce.contacts(behind, "terminal");
        OnCallInForce.contacts(own, "terminal");
        closeOpenFires();
        gatewayAlerts = TestSubscriber.subscribe(brokerUrl, "grid/v1/gateways/" + gateway + "/alerts");
        behindOwnTopic = TestSubscriber.subscribe(brokerUrl, "grid/v1/workers/" + behind + "/alerts");
        ownTerminal = TestTerminal.connect(brokerUrl, own);
    }

    @AfterEach
    void tearDown() throws IOException {
        ownTerminal.close();
        gatewayAlerts.close();
        behindOwnTopic.close();
        publisher.close();
        closeOpenFires();
        try (InputStream in = GatewayAlertsTest.class.getResourceAsStream("/alerts/alert-policies.json")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8)).put("/api/v1/alerts/policies")
                    .then().statusCode(200);
        }
    }

    @Test
    void aWorkerBehindAGatewayIsAlertedThroughItAndAWorkerWithTheirOwnTerminalOnTheirOwnTopic() {
        publisher.publish("grid/v1/sensors/smk-gw-" + run + "/telemetry", String.format(Locale.ROOT,
                "{\"ts\":%d,\"seq\":1,\"metrics\":{\"smoke\":0.5,\"temp\":22.0},\"lat\":%s,\"lon\":%s}",
                System.currentTimeMillis(), AT[0], AT[1]));

        await().atMost(WAIT).until(() -> !gatewayAlerts.received().isEmpty());
        JsonObject throughGateway = new JsonObject(gatewayAlerts.received().get(0));
        assertThat(throughGateway.getString("type")).isEqualTo("alert");
        assertThat(throughGateway.getString("kind")).isEqualTo("alert");
        assertThat(throughGateway.getString("severity")).isEqualTo("RED");
        assertThat(throughGateway.getString("person")).isEqualTo(behind);
        assertThat(throughGateway.getString("worker")).isEqualTo(behind);
        String alertId = throughGateway.getString("alertId");
        // the delivery is recorded sent through the gateway, and what went is the stored body plus "worker"
        await().atMost(WAIT).until(() -> "sent".equals(db.text("SELECT state FROM alert_delivery WHERE alert_id = $1 "
                + "AND person_id = $2 AND channel = 'terminal' AND kind = 'alert'", UUID.fromString(alertId), behind)));
        given().auth().oauth2(ADMIN).get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("deliveries.find { it.person == '" + behind + "' && it.kind == 'alert' }.sentDetail",
                        equalTo("PUBACK grid/v1/gateways/" + gateway + "/alerts"));
        JsonObject stored = new JsonObject(db.text("SELECT body FROM alert_delivery WHERE alert_id = $1 AND person_id = $2 "
                + "AND kind = 'alert'", UUID.fromString(alertId), behind));
        throughGateway.remove("worker");
        assertThat(throughGateway).isEqualTo(stored);

        // no ack by the deadline: the next step tells the worker with their own terminal, on their own topic
        await().atMost(WAIT).until(() -> !ownTerminal.received().isEmpty());
        JsonObject onOwnTopic = new JsonObject(ownTerminal.received().get(0));
        assertThat(onOwnTopic.getString("alertId")).isEqualTo(alertId);
        assertThat(onOwnTopic.getString("person")).isEqualTo(own);
        assertThat(onOwnTopic.containsKey("worker")).isFalse();
        await().atMost(WAIT).until(() -> ("PUBACK grid/v1/workers/" + own + "/alerts").equals(db.text(
                "SELECT sent_detail FROM alert_delivery WHERE alert_id = $1 AND person_id = $2 AND kind = 'alert'",
                UUID.fromString(alertId), own)));
        // the reminder to the worker behind the gateway went through the gateway too (it goes with the step
        // that told the next person), and nothing ever went to that worker's own topic
        await().atMost(WAIT).until(() -> gatewayAlerts.received().stream().map(JsonObject::new)
                .anyMatch(m -> "reminder".equals(m.getString("kind")) && behind.equals(m.getString("worker"))));
        assertThat(gatewayAlerts.received()).allSatisfy(m -> assertThat(new JsonObject(m).getString("worker"))
                .isEqualTo(behind));
        assertThat(behindOwnTopic.received()).isEmpty();
    }

    @Test
    void theWorkerBehindTheGatewayAcksThroughItAndTheChainStops() throws Exception {
        String alertId = alertThroughTheGateway();

        publisher.publish("grid/v1/gateways/" + gateway + "/acks", ack(behind, alertId));

        await().atMost(WAIT).until(() -> "acked".equals(db.text("SELECT state FROM alert WHERE id = $1",
                UUID.fromString(alertId))));
        given().auth().oauth2(ADMIN).get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("state", equalTo("acked")).body("ack.person", equalTo(behind))
                .body("ack.channel", equalTo("mqtt"));
        // past the 3 s deadline: an acked chain goes no further
        Thread.sleep(4_500);
        assertThat(ownTerminal.received()).as("the next step's worker").isEmpty();
        assertThat(db.count("SELECT count(*) FROM alert_recipient WHERE alert_id = $1 AND person_id = $2",
                UUID.fromString(alertId), own)).isZero();
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE gateway_id = $1", gateway)).isZero();
    }

    @Test
    void theSameAckFromAnotherGatewayIsRefusedAsNotBehindGatewayAndChangesNothing() {
        String alertId = alertThroughTheGateway();
        String other = "gw-y-" + run;

        publisher.publish("grid/v1/gateways/" + other + "/acks", ack(behind, alertId));

        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM dead_letter WHERE gateway_id = $1 AND "
                + "reason = 'not_behind_gateway' AND sender_id = $2", other, behind) == 1);
        assertThat(db.text("SELECT detail FROM dead_letter WHERE gateway_id = $1", other))
                .contains("behind gateway '" + gateway + "'");
        assertThat(db.count("SELECT count(*) FROM worker_ack WHERE alert_id = $1", alertId))
                .as("no ack stored").isZero();
        // the alert stays open, and with no ack by the deadline the chain goes on to the next step's worker
        await().atMost(WAIT).until(() -> !ownTerminal.received().isEmpty());
        assertThat(new JsonObject(ownTerminal.received().get(0)).getString("alertId")).isEqualTo(alertId);
        given().auth().oauth2(ADMIN).get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("state", equalTo("open")).body("ack", nullValue());
    }

    /** A RED smoke reading in the cell; the alert's id, once it reached the gateway for the worker behind it. */
    private String alertThroughTheGateway() {
        publisher.publish("grid/v1/sensors/smk-gw-" + run + "/telemetry", String.format(Locale.ROOT,
                "{\"ts\":%d,\"seq\":1,\"metrics\":{\"smoke\":0.5,\"temp\":22.0},\"lat\":%s,\"lon\":%s}",
                System.currentTimeMillis(), AT[0], AT[1]));
        await().atMost(WAIT).until(() -> !gatewayAlerts.received().isEmpty());
        JsonObject alert = new JsonObject(gatewayAlerts.received().get(0));
        assertThat(alert.getString("worker")).isEqualTo(behind);
        return alert.getString("alertId");
    }

    /** A gateway's acks batch: one ack of {@code alertId} by the terminal of {@code worker}. */
    private static String ack(String worker, String alertId) {
        return "{\"workers\":{\"" + worker + "\":[{\"ts\":" + System.currentTimeMillis() + ",\"alertId\":\""
                + alertId + "\"}]}}";
    }

    private void closeOpenFires() {
        db.execute("UPDATE event SET open = false, state = 'CLOSED' WHERE category = 'fire' AND open AND cell = '"
                + CELL + "'");
        db.execute("UPDATE alert SET state = 'resolved', next_step_at = NULL WHERE state = 'open' AND cell = '" + CELL + "'");
    }

    /** The default rules with the smoke threshold raised as RED at once. */
    private static String redSmokeRules() throws IOException {
        try (InputStream in = GatewayAlertsTest.class.getResourceAsStream("/rules/default-rules.json")) {
            JsonObject rules = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            rules.getJsonArray("rules").stream().map(JsonObject.class::cast)
                    .filter(rule -> "smoke-high".equals(rule.getString("id")))
                    .forEach(rule -> rule.put("severity", "RED").put("sustainFor", "PT0S"));
            return rules.encode();
        }
    }
}
