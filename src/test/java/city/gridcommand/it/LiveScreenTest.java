package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.ScreenClient;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws/v1/live} end to end with the embedded broker and database: a signal's event reaches the screen
 * of its street and not another street's, a workflow step arrives as {@code event.updated}, every refusal is
 * a close code with its reason, and a screen that reconnects with {@code since} gets exactly the changes of
 * its scope it missed (a {@code since} of another epoch: a fresh snapshot marked {@code resync}).
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class LiveScreenTest {

    private static final String STREET_ONE = "440305001";
    private static final String STREET_TWO = "440305002";
    private static final String ADMIN = TestTokens.admin();
    private static final String DISPATCHER = TestTokens.dispatcher(SmallCity.DISTRICT);
    private static final String HOTLINE = TestTokens.builder().subject("hotline-live").roles("service")
            .cells(SmallCity.DISTRICT).sign();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI root;

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> cases = new ArrayList<>();
    private final List<ScreenClient> screens = new ArrayList<>();

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @BeforeEach
    void importTheCity() {
        as(ADMIN).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids").then().statusCode(200);
    }

    @AfterEach
    void closeScreensAndCases() {
        screens.forEach(ScreenClient::close);
        for (String id : cases) {
            as(DISPATCHER).contentType(ContentType.JSON).body("{\"action\":\"refuse\",\"note\":\"test over\"}")
                    .post("/api/v1/events/" + id + "/transitions");
        }
    }

    private ScreenClient screen(String query, String token) {
        ScreenClient screen = ScreenClient.open(root, query, token);
        screens.add(screen);
        return screen;
    }

    private static JsonObject snapshotOf(ScreenClient screen) {
        await().atMost(WAIT).until(() -> !screen.ofType("snapshot").isEmpty() || screen.isClosed());
        assertThat(screen.isClosed()).as("closed with %s", screen.closeReason()).isFalse();
        return screen.ofType("snapshot").get(0);
    }

    /** A hotline case (raised, or joined when one of the cell and category is open), closed after the test. */
    private String hotline(String cell, String category) {
        String id = as(HOTLINE).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"cell\":\"" + cell + "\",\"reporter\":\"caller-" + run + "\"}")
                .post("/api/v1/events").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().jsonPath()
                .getString("id");
        cases.add(id);
        return id;
    }

    private static List<JsonObject> changesOf(ScreenClient screen, String eventId) {
        return screen.changes().stream().filter(m -> eventId.equals(m.getJsonObject("data").getString("id"))).toList();
    }

    @Test
    void aSignalReachesTheScreenOfItsStreetAndNotAnothersAndAStepArrivesAsAnUpdate() {
        ScreenClient streetTwo = screen("scope=" + STREET_TWO, TestTokens.screen(STREET_TWO));
        ScreenClient streetOne = screen("scope=" + STREET_ONE, TestTokens.screen(STREET_ONE));
        JsonObject snapshot = snapshotOf(streetTwo);
        assertThat(snapshot.getBoolean("resync")).isFalse();
        assertThat(snapshot.getString("epoch")).isNotBlank();
        JsonObject data = snapshot.getJsonObject("data");
        assertThat(data.getString("scope")).isEqualTo(STREET_TWO);
        assertThat(data.fieldNames()).contains("events", "workers", "onDuty", "devices", "cells");
        assertThat(data.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("cell")))
                .allMatch(cell -> ((String) cell).startsWith(STREET_TWO));
        snapshotOf(streetOne);

        String sensor = "smk-live-" + run;
        as(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"lat\":22.51,\"lon\":114.027}")
                .put("/api/v1/devices/" + sensor).then().statusCode(201);
        long ts = System.currentTimeMillis();
        try (TestPublisher publisher = TestPublisher.connect(brokerUrl)) {
            publisher.publish("grid/v1/sensors/" + sensor + "/telemetry",
                    "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"smoke\":0.8,\"temp\":30}}");
        }
        await().atMost(WAIT).until(() -> streetTwo.changes().stream().anyMatch(m -> m.getJsonObject("data")
                .getJsonArray("sources").contains("sensor:" + sensor)));
        JsonObject raised = streetTwo.changes().stream().filter(m -> m.getJsonObject("data").getJsonArray("sources")
                .contains("sensor:" + sensor)).findFirst().orElseThrow();
        String fire = raised.getJsonObject("data").getString("id");
        cases.add(fire);
        assertThat(raised.getJsonObject("data").getString("cell")).isEqualTo(SmallCity.CELL_3);
        assertThat(raised.getLong("seq")).isGreaterThan(snapshot.getLong("seq"));
        assertThat(raised.getJsonObject("data").fieldNames()).as("the event topic's body, whole")
                .contains("cellPath", "trigger", "state", "deadline", "createdAt", "updatedAt");

        // a later change of street one reaches its screen: the fire, earlier in the log, would have come first
        String dust = hotline(SmallCity.WEST_CELL, "construction_dust");
        await().atMost(WAIT).until(() -> !changesOf(streetOne, dust).isEmpty());
        assertThat(changesOf(streetOne, fire)).isEmpty();
        assertThat(streetOne.changes()).allMatch(m -> m.getJsonObject("data").getString("cell").startsWith(STREET_ONE));

        String manhole = hotline(SmallCity.EAST_CELL, "manhole_missing");
        await().atMost(WAIT).until(() -> !changesOf(streetTwo, manhole).isEmpty());
        String state = changesOf(streetTwo, manhole).get(0).getJsonObject("data").getString("state");
        as(DISPATCHER).contentType(ContentType.JSON).body("{\"action\":\"register\"}")
                .post("/api/v1/events/" + manhole + "/transitions").then().statusCode(200);
        await().atMost(WAIT).until(() -> changesOf(streetTwo, manhole).size() >= 2);
        JsonObject step = changesOf(streetTwo, manhole).get(changesOf(streetTwo, manhole).size() - 1);
        assertThat(step.getString("type")).isEqualTo("event.updated");
        assertThat(step.getJsonObject("data").getString("state")).isNotEqualTo(state);
        assertThat(streetTwo.isClosed()).isFalse();
    }

    @Test
    void refusalsAreCloseCodesWithTheirReasons() {
        ScreenClient anonymous = screen("scope=" + STREET_ONE, null);
        assertThat(anonymous.closeCode(WAIT)).isEqualTo(4401);

        ScreenClient forged = screen("scope=" + STREET_ONE + "&ticket=bm90LWEtdGlja2V0.c2lnbmVk", null);
        assertThat(forged.closeCode(WAIT)).isEqualTo(4401);
        assertThat(forged.closeReason()).contains("ticket");

        String ticket = as(TestTokens.screen(STREET_ONE)).post("/api/v1/live/tickets").then().statusCode(200)
                .extract().jsonPath().getString("ticket");
        ScreenClient first = screen("scope=" + STREET_ONE + "&ticket=" + ticket, null);
        snapshotOf(first);
        ScreenClient again = screen("scope=" + STREET_ONE + "&ticket=" + ticket, null);
        assertThat(again.closeCode(WAIT)).as("a ticket is used once").isEqualTo(4401);
        // its issue and its one redemption are in the audit trail, under the ticket's id
        String ticketId = new JsonObject(new String(java.util.Base64.getUrlDecoder()
                .decode(ticket.substring(0, ticket.indexOf('.'))), java.nio.charset.StandardCharsets.UTF_8)).getString("jti");
        assertThat(as(ADMIN).queryParam("target", ticketId).get("/api/v1/audit").then().statusCode(200).extract()
                .jsonPath().getList("items.action", String.class)).containsExactly("live.redeem", "live.ticket");

        ScreenClient outside = screen("scope=" + STREET_TWO, TestTokens.screen(STREET_ONE));
        assertThat(outside.closeCode(WAIT)).isEqualTo(4403);
        assertThat(outside.closeReason()).contains(STREET_TWO);

        ScreenClient badSince = screen("scope=" + STREET_ONE + "&since=yesterday", TestTokens.screen(STREET_ONE));
        assertThat(badSince.closeCode(WAIT)).isEqualTo(4400);
        assertThat(badSince.closeReason()).startsWith("since");

        ScreenClient unknown = screen("scope=440305009", TestTokens.screen(SmallCity.DISTRICT));
        assertThat(unknown.closeCode(WAIT)).isEqualTo(4400);
        assertThat(unknown.closeReason()).startsWith("scope").contains("440305009");

        given().post("/api/v1/live/tickets").then().statusCode(401);
    }

    @Test
    void aScreenThatReconnectsWithSinceGetsExactlyTheChangesOfItsScopeItMissed() {
        ScreenClient before = screen("scope=" + STREET_TWO, TestTokens.screen(STREET_TWO));
        JsonObject snapshot = snapshotOf(before);
        String epoch = snapshot.getString("epoch");
        String seen = hotline(SmallCity.CELL_3, "manhole_missing");
        await().atMost(WAIT).until(() -> !changesOf(before, seen).isEmpty());
        List<JsonObject> changes = before.changes();
        long since = changes.get(changes.size() - 1).getLong("seq");
        before.close();

        String missedOne = hotline(SmallCity.EAST_CELL, "construction_dust");
        hotline(SmallCity.WEST_CELL, "construction_dust");
        as(DISPATCHER).contentType(ContentType.JSON).body("{\"action\":\"register\"}")
                .post("/api/v1/events/" + seen + "/transitions").then().statusCode(200);

        ScreenClient after = screen("scope=" + STREET_TWO + "&since=" + since + "&epoch=" + epoch,
                TestTokens.screen(STREET_TWO));
        await().atMost(WAIT).until(() -> changesOf(after, seen).size() >= 1 && !changesOf(after, missedOne).isEmpty());
        List<Long> missed = seqsAfter(since, STREET_TWO);
        await().atMost(WAIT).until(() -> after.changes().size() >= missed.size());
        assertThat(after.ofType("snapshot")).as("a resume sends no snapshot").isEmpty();
        assertThat(after.changes().stream().map(m -> m.getLong("seq")).toList()).startsWith(missed.toArray(Long[]::new));
        assertThat(after.changes()).allMatch(m -> m.getJsonObject("data").getString("cell").startsWith(STREET_TWO));

        ScreenClient otherEpoch = screen("scope=" + STREET_TWO + "&since=" + since + "&epoch=not-" + epoch,
                TestTokens.screen(STREET_TWO));
        JsonObject resync = snapshotOf(otherEpoch);
        assertThat(resync.getBoolean("resync")).isTrue();
        assertThat(resync.getString("epoch")).isEqualTo(epoch);
    }

    @Test
    void workersAndDevicesOfItsScopeMoveOnTheScreenAndAreInTheNextSnapshot() {
        ScreenClient streetTwo = screen("scope=" + STREET_TWO, TestTokens.screen(STREET_TWO));
        ScreenClient streetOne = screen("scope=" + STREET_ONE, TestTokens.screen(STREET_ONE));
        snapshotOf(streetTwo);
        snapshotOf(streetOne);
        String worker = "wrk-live-" + run;
        String sensor = "smk-status-" + run;
        as(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"sensor\",\"lat\":22.51,\"lon\":114.035}")
                .put("/api/v1/devices/" + sensor).then().statusCode(201);
        long ts = System.currentTimeMillis();
        try (TestPublisher publisher = TestPublisher.connect(brokerUrl)) {
            for (int i = 0; i < 5; i++) {
                publisher.publish("grid/v1/workers/" + worker + "/location", "{\"ts\":" + (ts + i) + ",\"seq\":" + (i + 1)
                        + ",\"lat\":22.51,\"lon\":" + (114.031 + i * 0.001) + ",\"accuracy\":5}");
            }
            publisher.publish("grid/v1/devices/" + sensor + "/status", "{\"ts\":" + ts + ",\"online\":false}");
        }
        await().atMost(WAIT).until(() -> streetTwo.ofType("worker.moved").stream()
                .anyMatch(m -> m.getJsonObject("data").getLong("ts") == ts + 4));
        JsonObject moved = streetTwo.ofType("worker.moved").stream()
                .filter(m -> m.getJsonObject("data").getLong("ts") == ts + 4).findFirst().orElseThrow().getJsonObject("data");
        assertThat(moved.getString("id")).isEqualTo(worker);
        assertThat(moved.getString("cell")).isEqualTo(SmallCity.EAST_CELL);
        assertThat(moved.getDouble("lon")).isCloseTo(114.035, org.assertj.core.data.Offset.offset(1e-9));
        await().atMost(WAIT).until(() -> streetTwo.ofType("device.status").stream()
                .anyMatch(m -> sensor.equals(m.getJsonObject("data").getString("id"))));
        JsonObject status = streetTwo.ofType("device.status").stream()
                .filter(m -> sensor.equals(m.getJsonObject("data").getString("id"))).findFirst().orElseThrow();
        assertThat(status.getJsonObject("data").getBoolean("online")).isFalse();
        assertThat(status.getJsonObject("data").getString("cell")).isEqualTo(SmallCity.EAST_CELL);
        assertThat(streetOne.ofType("worker.moved")).noneMatch(m -> worker.equals(m.getJsonObject("data").getString("id")));

        // a screen opened now finds the worker where it was last, and the device offline
        await().atMost(WAIT).until(() -> {
            ScreenClient later = ScreenClient.open(root, "scope=" + SmallCity.EAST_CELL, TestTokens.screen(STREET_TWO));
            screens.add(later);
            JsonObject data = snapshotOf(later).getJsonObject("data");
            boolean workerThere = data.getJsonArray("workers").stream().map(JsonObject.class::cast)
                    .anyMatch(w -> worker.equals(w.getString("id")) && w.getLong("ts") == ts + 4);
            return workerThere && data.getInteger("onDuty") >= 1
                    && data.getJsonObject("devices").getInteger("offline") >= 1;
        });
    }

    /** The change log's seqs after {@code since} of events under the scope, in order. */
    private List<Long> seqsAfter(long since, String scope) {
        List<Long> seqs = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT seq FROM event_change WHERE seq > $1 AND cell LIKE $2 ORDER BY seq")
                .execute(Tuple.of(since, scope + "%")).toCompletionStage().toCompletableFuture().join()) {
            seqs.add(row.getLong(0));
        }
        return seqs;
    }
}
