package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import city.gridcommand.alerts.runtime.AlertTimers;
import city.gridcommand.alerts.runtime.AlertWatch;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.OnCallInForce;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTerminal;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On-call alerts end to end, over the real broker and database: a RED smoke reading raises a fire whose alert
 * reaches the on-call worker's terminal over MQTT with the contract's fields; with no ack the chain moves on to
 * the next step's person after the (test) ack deadline of 3 s, reminding the first; an ack on the terminal's
 * acks topic stops the chain; a terminal away during the alert gets it when it reconnects; 50 signals joining
 * one event alert each person once; the timers run on several threads at once send nothing twice; only a
 * person alerted may ack over REST; a burst in one cell is one alert with one update; a channel nobody serves
 * is dead while the terminal goes on.
 *
 * <p>The policy in force for these tests: RED fire → the on-call person of the event's department (dept-fire),
 * then one named person (the second), then the street centre's duty roster. Who is on call comes from real
 * schedules put in force through the on-call API ({@link OnCallInForce}): the first person around the clock
 * for dept-fire on the cell's community, the centre person for the street's centre; every person of the test
 * chose the terminal alone as their contact channel. The set is emptied after each test.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class AlertsTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String CELL = SmallCity.WEST_CELL;
    private static final double[] AT = {22.515, 114.003};
    private static final String STREET = CELL.substring(0, 9);
    private static final String COMMUNITY = CELL.substring(0, 12);
    /** The street centre's duty roster: its id is the source of the people it names. */
    private static final String STREET_CENTRE = "alerts-street-centre";

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    @Inject
    AlertTimers timers;

    @Inject
    AlertWatch watch;

    private Db db;
    private TestPublisher publisher;
    private final List<TestTerminal> terminals = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String first = "oncall-" + run;
    private final String second = "second-" + run;
    private final String centre = "centre-" + run;

    @BeforeEach
    void setUp() throws IOException {
        db = new Db(pool);
        publisher = TestPublisher.connect(brokerUrl);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(redSmokeRules()).put("/api/v1/rules")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"policies":[{"id":"test-red-fire","category":"fire","severity":"RED","repeat":1,"steps":[
                  {"notify":"oncall"},{"notify":"person","person":"%s"},
                  {"notify":"oncall","department":"centre","level":"street"}]}]}""".formatted(second))
                .put("/api/v1/alerts/policies").then().statusCode(200);
        OnCallInForce.schedules(OnCallInForce.allDay("alerts-fire", "dept-fire", COMMUNITY, first),
                OnCallInForce.allDay(STREET_CENTRE, "centre", STREET, centre));
        for (String worker : List.of(first, second, centre)) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", worker, "role", "worker",
                    "cells", List.of(CELL))).put("/api/v1/workers/" + worker).then().statusCode(201);
            OnCallInForce.contacts(worker, "terminal");
        }
        closeOpenFires();
    }

    @AfterEach
    void tearDown() throws IOException {
        terminals.forEach(TestTerminal::close);
        publisher.close();
        closeOpenFires();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(defaultPolicies())
                .put("/api/v1/alerts/policies").then().statusCode(200);
        OnCallInForce.none();
    }

    @Test
    void aRedFireReachesTheOnCallTerminalMovesOnWithoutAnAckAndStopsAtAnMqttAck() throws Exception {
        TestTerminal firstTerminal = terminal(first);
        TestTerminal secondTerminal = terminal(second);
        TestTerminal centreTerminal = terminal(centre);
        long before = System.currentTimeMillis();

        read("smk-a-" + run, 1, 0.5);
        String event = awaitOpenFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> !firstTerminal.received().isEmpty());
        JsonObject alert = new JsonObject(firstTerminal.received().get(0));
        assertThat(alert.getString("type")).isEqualTo("alert");
        assertThat(alert.getString("kind")).isEqualTo("alert");
        assertThat(alert.getString("reason")).isEqualTo("raised");
        assertThat(alert.getString("person")).isEqualTo(first);
        assertThat(alert.getString("cell")).isEqualTo(CELL);
        assertThat(alert.getJsonArray("cellPath").getList()).containsExactly(CELL.substring(0, 6),
                CELL.substring(0, 9), CELL.substring(0, 12), CELL);
        assertThat(alert.getString("severity")).isEqualTo("RED");
        assertThat(alert.getInteger("step")).isEqualTo(1);
        assertThat(alert.getInteger("round")).isEqualTo(1);
        assertThat(alert.getLong("ts")).isGreaterThanOrEqualTo(before);
        assertThat(alert.getLong("ackBy")).isEqualTo(alert.getLong("ts") + 3_000);
        JsonArray events = alert.getJsonArray("events");
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).getString("id")).isEqualTo(event);
        assertThat(events.getJsonObject(0).getString("category")).isEqualTo("fire");
        assertThat(events.getJsonObject(0).getString("state")).isEqualTo("REPORTED");
        assertThat(events.getJsonObject(0).getJsonObject("trigger").getString("id")).isEqualTo("smk-a-" + run);
        String alertId = alert.getString("alertId");
        assertThat(secondTerminal.received()).as("the second step waits for the ack deadline").isEmpty();

        // no ack: after the RED ack deadline (3 s in tests) the second step's person, and a reminder to the first
        await().atMost(Duration.ofSeconds(15)).until(() -> !secondTerminal.received().isEmpty());
        JsonObject next = new JsonObject(secondTerminal.received().get(0));
        assertThat(next.getString("alertId")).isEqualTo(alertId);
        assertThat(next.getString("kind")).isEqualTo("alert");
        assertThat(next.getInteger("step")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> firstTerminal.received().size() == 2);
        JsonObject reminder = new JsonObject(firstTerminal.received().get(1));
        assertThat(reminder.getString("kind")).isEqualTo("reminder");
        assertThat(reminder.getString("alertId")).isEqualTo(alertId);

        // the second person acks on their terminal's acks topic: the chain stops, the street centre is never told
        publisher.publish("grid/v1/workers/" + second + "/acks",
                "{\"ts\":" + System.currentTimeMillis() + ",\"alertId\":\"" + alertId + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> "acked".equals(
                db.text("SELECT state FROM alert WHERE id = $1", UUID.fromString(alertId))));
        assertThat(db.text("SELECT acked_by || '/' || ack_channel FROM alert WHERE id = $1", UUID.fromString(alertId)))
                .isEqualTo(second + "/mqtt");
        Thread.sleep(4_500);
        assertThat(centreTerminal.received()).as("an acked chain goes no further").isEmpty();
        assertThat(db.count("SELECT count(*) FROM alert_recipient WHERE alert_id = $1 AND person_id = $2",
                UUID.fromString(alertId), centre)).isZero();

        // what the event's detail shows
        given().auth().oauth2(TestTokens.dispatcher(SmallCity.DISTRICT)).get("/api/v1/events/" + event).then()
                .statusCode(200).body("alerts", hasSize(1)).body("alerts[0].id", equalTo(alertId))
                .body("alerts[0].state", equalTo("acked")).body("alerts[0].ack.person", equalTo(second))
                .body("alerts[0].ack.channel", equalTo("mqtt"));
        given().auth().oauth2(TestTokens.dispatcher(SmallCity.DISTRICT)).get("/api/v1/alerts/" + alertId).then()
                .statusCode(200).body("recipients.person", org.hamcrest.Matchers.contains(first, second, first))
                .body("recipients.kind", org.hamcrest.Matchers.contains("alert", "alert", "reminder"))
                .body("deliveries.state", org.hamcrest.Matchers.everyItem(equalTo("sent")))
                .body("deliveries.channel", org.hamcrest.Matchers.everyItem(equalTo("terminal")));
    }

    @Test
    void aTerminalAwayDuringTheAlertGetsItWhenItReconnects() throws Exception {
        TestTerminal away = terminal(first);
        away.disconnect();
        read("smk-b-" + run, 1, 0.5);
        awaitOpenFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count(
                "SELECT count(*) FROM alert_delivery WHERE person_id = $1 AND state = 'sent'", first) == 1);
        assertThat(away.received()).isEmpty();

        away.reconnect();
        await().atMost(Duration.ofSeconds(10)).until(() -> !away.received().isEmpty());
        assertThat(new JsonObject(away.received().get(0)).getString("person")).isEqualTo(first);
    }

    @Test
    void fiftySignalsJoiningOneEventAlertEachPersonOnce() throws Exception {
        TestTerminal terminal = terminal(first);
        for (int i = 0; i < 50; i++) {
            read("smk-c" + i + "-" + run, 1, 0.5);
        }
        String event = awaitOpenFire();
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count("SELECT signals FROM event WHERE id = $1",
                UUID.fromString(event)) == 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> !terminal.received().isEmpty());
        Thread.sleep(1_500);
        assertThat(db.count("SELECT count(*) FROM alert_event WHERE event_id = $1", UUID.fromString(event))).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM alert_recipient r JOIN alert_event e ON e.alert_id = r.alert_id "
                + "WHERE e.event_id = $1 AND r.person_id = $2", UUID.fromString(event), first)).isEqualTo(1);
        assertThat(terminal.received()).hasSize(1);
    }

    @Test
    void timersAndWatchesRunningAtOnceSendNothingTwice() throws Exception {
        TestTerminal firstTerminal = terminal(first);
        TestTerminal secondTerminal = terminal(second);
        read("smk-d-" + run, 1, 0.5);
        String event = awaitOpenFire();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            // four "instances" at the log and the timers at once, each transaction on a connection of its own
            long end = System.currentTimeMillis() + 6_000;
            List<Future<Object>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(threads.submit((Callable<Object>) () -> {
                    while (System.currentTimeMillis() < end) {
                        watch.handlePage();
                        timers.runOnce(System.currentTimeMillis());
                    }
                    return null;
                }));
            }
            for (Future<Object> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(db.count("SELECT count(*) FROM alert_event WHERE event_id = $1", UUID.fromString(event))).isEqualTo(1);
        String alertId = db.text("SELECT alert_id FROM alert_event WHERE event_id = $1", UUID.fromString(event));
        assertThat(db.count("SELECT count(*) FROM alert_delivery WHERE alert_id = $1 AND person_id = $2 AND kind = 'alert'",
                UUID.fromString(alertId), second)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> secondTerminal.received().size() >= 1);
        Thread.sleep(500);
        // whatever steps ran meanwhile, no message reached a terminal twice
        for (TestTerminal terminal : List.of(firstTerminal, secondTerminal)) {
            List<String> keys = terminal.received().stream().map(JsonObject::new)
                    .map(m -> m.getString("alertId") + "/" + m.getString("kind") + "/" + m.getInteger("step") + "/"
                            + m.getInteger("round")).toList();
            assertThat(keys).doesNotHaveDuplicates();
        }
        assertThat(secondTerminal.received()).extracting(m -> new JsonObject(m).getString("kind")).contains("alert");
        assertThat(firstTerminal.received()).extracting(m -> new JsonObject(m).getString("kind"))
                .startsWith("alert", "reminder");
    }

    @Test
    void onlyAPersonAlertedAcksOverRest() throws Exception {
        TestTerminal terminal = terminal(first);
        read("smk-e-" + run, 1, 0.5);
        awaitOpenFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> !terminal.received().isEmpty());
        String alertId = new JsonObject(terminal.received().get(0)).getString("alertId");

        given().auth().oauth2(TestTokens.worker("stranger-" + run, CELL)).post("/api/v1/alerts/" + alertId + "/ack")
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("NOT_RECIPIENT"));
        given().auth().oauth2(TestTokens.worker(first, CELL)).post("/api/v1/alerts/" + UUID.randomUUID() + "/ack")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.worker(first, CELL)).post("/api/v1/alerts/" + alertId + "/ack")
                .then().statusCode(200).body("status", equalTo("ACKED"));
        given().auth().oauth2(TestTokens.worker(first, CELL)).post("/api/v1/alerts/" + alertId + "/ack")
                .then().statusCode(200).body("status", equalTo("ALREADY_ACKED"));
        given().auth().oauth2(TestTokens.dispatcher(SmallCity.DISTRICT)).queryParam("person", first)
                .get("/api/v1/alerts").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(alertId));
        given().auth().oauth2(TestTokens.dispatcher(SmallCity.EAST_CELL)).get("/api/v1/alerts/" + alertId)
                .then().statusCode(403);
    }

    @Test
    void aBurstInOneCellIsOneAlertAndItsPeopleGetOneUpdateListingEveryEvent() throws Exception {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(redSmokeRules("water-level-high"))
                .put("/api/v1/rules").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"policies":[{"id":"test-red","severity":"RED","steps":[{"notify":"person","person":"%s"}]}]}"""
                .formatted(first)).put("/api/v1/alerts/policies").then().statusCode(200);
        db.execute("UPDATE event SET open = false, state = 'CLOSED' WHERE category = 'flooding' AND open AND cell = '"
                + CELL + "'");
        TestTerminal terminal = terminal(first);
        read("smk-f-" + run, 1, 0.5);
        publisher.publish("grid/v1/sensors/wl-f-" + run + "/telemetry", String.format(Locale.ROOT,
                "{\"ts\":%d,\"seq\":1,\"metrics\":{\"water_level\":0.5},\"lat\":%s,\"lon\":%s}",
                System.currentTimeMillis(), AT[0], AT[1]));

        await().atMost(Duration.ofSeconds(15)).until(() -> terminal.received().size() >= 2);
        Thread.sleep(1_000);
        List<JsonObject> messages = terminal.received().stream().map(JsonObject::new).toList();
        assertThat(messages).extracting(m -> m.getString("kind")).containsExactly("alert", "update");
        assertThat(messages.get(0).getString("alertId")).isEqualTo(messages.get(1).getString("alertId"));
        assertThat(messages.get(1).getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("category"))
                .toList()).containsExactlyInAnyOrder("fire", "flooding");
        db.execute("UPDATE event SET open = false, state = 'CLOSED' WHERE category = 'flooding' AND open AND cell = '"
                + CELL + "'");
    }

    @Test
    void aChannelThatFailsIsDeadAndTheOthersGoOn() throws Exception {
        // a webhook no configuration names: its channel cannot deliver
        OnCallInForce.contacts(first, "webhook:pager-" + run, "terminal");
        TestTerminal terminal = terminal(first);
        read("smk-g-" + run, 1, 0.5);
        awaitOpenFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> !terminal.received().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count(
                "SELECT count(*) FROM alert_delivery WHERE person_id = $1 AND channel = $2 AND state = 'dead'", first,
                "webhook:pager-" + run) == 1);
        given().auth().oauth2(ADMIN).queryParam("state", "dead").get("/api/v1/alerts/deliveries").then()
                .statusCode(200).body("items.find { it.channel == 'webhook:pager-%s' }.lastError".formatted(run),
                        org.hamcrest.Matchers.containsString("no webhook named 'pager-" + run + "' is configured"));
        given().auth().oauth2(TestTokens.dispatcher(SmallCity.DISTRICT)).get("/api/v1/alerts/deliveries").then()
                .statusCode(403);
    }

    @Test
    void anEventInAFinalStateEndsItsChain() throws Exception {
        TestTerminal firstTerminal = terminal(first);
        TestTerminal secondTerminal = terminal(second);
        read("smk-h-" + run, 1, 0.5);
        String event = awaitOpenFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> !firstTerminal.received().isEmpty());
        given().auth().oauth2(TestTokens.dispatcher(SmallCity.DISTRICT)).contentType(ContentType.JSON)
                .body("{\"action\":\"refuse\",\"note\":\"a barbecue\"}").post("/api/v1/events/" + event + "/transitions")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "resolved".equals(db.text(
                "SELECT a.state FROM alert a JOIN alert_event e ON e.alert_id = a.id WHERE e.event_id = $1",
                UUID.fromString(event))));
        Thread.sleep(4_000);
        assertThat(secondTerminal.received()).as("a resolved chain goes no further").isEmpty();
        String alertId = new JsonObject(firstTerminal.received().get(0)).getString("alertId");
        given().auth().oauth2(TestTokens.worker(first, CELL)).post("/api/v1/alerts/" + alertId + "/ack")
                .then().statusCode(409);
    }

    @Test
    void withNobodyAnsweringTheChainReachesTheStreetCentreAndRunsOut() throws Exception {
        TestTerminal centreTerminal = terminal(centre);
        read("smk-i-" + run, 1, 0.5);
        String event = awaitOpenFire();
        await().atMost(Duration.ofSeconds(25)).until(() -> "exhausted".equals(db.text(
                "SELECT a.state FROM alert a JOIN alert_event e ON e.alert_id = a.id WHERE e.event_id = $1",
                UUID.fromString(event))));
        String alertId = db.text("SELECT alert_id FROM alert_event WHERE event_id = $1", UUID.fromString(event));
        assertThat(db.text("SELECT string_agg(person_id || ':' || step || ':' || kind, ',' ORDER BY id) "
                + "FROM alert_recipient WHERE alert_id = $1", UUID.fromString(alertId))).isEqualTo(
                first + ":1:alert," + second + ":2:alert," + first + ":2:reminder," + centre + ":3:alert," + second
                        + ":3:reminder");
        assertThat(db.text("SELECT source FROM alert_recipient WHERE alert_id = $1 AND person_id = $2 AND kind = 'alert'",
                UUID.fromString(alertId), first)).isEqualTo("oncall:alerts-fire");
        assertThat(db.text("SELECT source FROM alert_recipient WHERE alert_id = $1 AND person_id = $2",
                UUID.fromString(alertId), centre)).isEqualTo("oncall:" + STREET_CENTRE);
        await().atMost(Duration.ofSeconds(5)).until(() -> !centreTerminal.received().isEmpty());
        assertThat(new JsonObject(centreTerminal.received().get(0)).getInteger("step")).isEqualTo(3);
    }

    @Test
    void anAckStoredByIngestButNeverHandedOverIsFoundByTheTimers() throws Exception {
        TestTerminal firstTerminal = terminal(first);
        TestTerminal secondTerminal = terminal(second);
        read("smk-j-" + run, 1, 0.5);
        awaitOpenFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> !firstTerminal.received().isEmpty());
        String alertId = new JsonObject(firstTerminal.received().get(0)).getString("alertId");
        // as if the instance that stored the ack stopped before handing it over: only the row
        db.execute("INSERT INTO worker_ack (worker_id, ts, received_at, alert_id) VALUES ('" + first + "', "
                + System.currentTimeMillis() + ", " + System.currentTimeMillis() + ", '" + alertId + "')");
        await().atMost(Duration.ofSeconds(10)).until(() -> "acked".equals(
                db.text("SELECT state FROM alert WHERE id = $1", UUID.fromString(alertId))));
        assertThat(db.text("SELECT acked_by || '/' || ack_channel FROM alert WHERE id = $1", UUID.fromString(alertId)))
                .isEqualTo(first + "/mqtt");
        Thread.sleep(1_000);
        assertThat(secondTerminal.received()).isEmpty();
    }

    @Test
    void aPolicySetWithMistakesIsRefusedNamingEachField() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"policies\":[{\"id\":\"x\",\"steps\":[{\"notify\":\"mayor\"}]}]}")
                .put("/api/v1/alerts/policies").then().statusCode(422)
                .body("errors[0].field", equalTo("policies[0].steps[0].notify"));
        given().auth().oauth2(TestTokens.dispatcher(SmallCity.DISTRICT)).get("/api/v1/alerts/policies").then()
                .statusCode(200).body("policies[0].id", equalTo("test-red-fire"));
    }

    private TestTerminal terminal(String person) throws Exception {
        TestTerminal terminal = TestTerminal.connect(brokerUrl, person);
        terminals.add(terminal);
        return terminal;
    }

    private void read(String sensor, int seq, double smoke) {
        publisher.publish("grid/v1/sensors/" + sensor + "/telemetry", String.format(Locale.ROOT,
                "{\"ts\":%d,\"seq\":%d,\"metrics\":{\"smoke\":%s,\"temp\":22.0},\"lat\":%s,\"lon\":%s}",
                System.currentTimeMillis(), seq, smoke, AT[0], AT[1]));
    }

    private String awaitOpenFire() {
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count(
                "SELECT count(*) FROM event WHERE cell = $1 AND category = 'fire' AND open", CELL) == 1);
        return db.text("SELECT id FROM event WHERE cell = $1 AND category = 'fire' AND open", CELL);
    }

    /** Earlier fires of the cell closed, so that a reading raises a new one; and their alerts with them. */
    private void closeOpenFires() {
        db.execute("UPDATE event SET open = false, state = 'CLOSED' WHERE category = 'fire' AND open AND cell = '"
                + CELL + "'");
        db.execute("UPDATE alert SET state = 'resolved', next_step_at = NULL WHERE state = 'open' AND cell = '" + CELL + "'");
    }

    /** The default rules with the smoke threshold (and those named) raised as RED at once. */
    private static String redSmokeRules(String... more) throws IOException {
        List<String> red = new ArrayList<>(List.of(more));
        red.add("smoke-high");
        try (InputStream in = AlertsTest.class.getResourceAsStream("/rules/default-rules.json")) {
            JsonObject rules = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            rules.getJsonArray("rules").stream().map(JsonObject.class::cast)
                    .filter(rule -> red.contains(rule.getString("id")))
                    .forEach(rule -> rule.put("severity", "RED").put("sustainFor", "PT0S"));
            return rules.encode();
        }
    }

    private static String defaultPolicies() throws IOException {
        try (InputStream in = AlertsTest.class.getResourceAsStream("/alerts/alert-policies.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
