package city.gridcommand.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.it.process.ItDatabase;
import city.gridcommand.it.process.ServiceProcess;
import city.gridcommand.it.process.SharedBackends;
import city.gridcommand.testing.ScreenClient;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One screen, two instances (issue 12): two packaged instances on one database and one broker
 * ({@link SharedBackends}); every change is made through instance 1 and watched on screens of instance 2,
 * which hears of it only through the durable change log (its tail, woken by PostgreSQL NOTIFY). A hotline
 * event and a sensor's signal reach the street's screens on instance 2 (one signed in with a bearer header,
 * one with a ticket made on instance 1) once each, with the seq the change log holds, and a workflow step
 * follows as {@code event.updated} in seq order; the other street's screen gets none of it; a screen of
 * instance 2 that reconnects with {@code since} gets exactly the changes it missed, in order, nothing twice.
 *
 * <p>"Exactly" is checked against the log itself: after a marker change made last has reached a screen,
 * every change of its scope the log holds between where the screen started and the marker must be on the
 * screen, in the log's order, once, and nothing else of that range. In CI the database is shared with the
 * other tests, so the scope may hold others' changes too: they are in the log and must be on the screen.
 * Worker positions, which are not logged, reach the screens of both instances through the broker.
 */
class TwoInstanceScreensIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path FOLDER = Path.of("target", "it-two-screens-" + RUN);
    private static final String STREET_ONE = "440305001";
    private static final String STREET_TWO = "440305002";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HOTLINE = TestTokens.builder().subject("hotline-" + RUN).roles("service")
            .cells(SmallCity.DISTRICT).sign();
    private static final String DISPATCHER = TestTokens.dispatcher(SmallCity.DISTRICT);

    private static SharedBackends backends;
    private static ItDatabase database;
    /** Where every change is made. */
    private static ServiceProcess first;
    /** Where the screens are. */
    private static ServiceProcess second;

    private final List<ScreenClient> screens = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        backends = SharedBackends.start(RUN, FOLDER);
        database = backends.database();
        first = backends.instance("a");
        first.start();
        assertThat(first.put("/api/v1/grids", SmallCity.geoJson(), TestTokens.admin()).statusCode()).isEqualTo(200);
        second = backends.instance("b");
        second.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {first, second, backends}) {
            if (part != null) {
                part.close();
            }
        }
    }

    /** Closes the screens and refuses the events raised, so a shared database keeps no open event of ours. */
    @AfterEach
    void closeScreensAndEvents() throws Exception {
        screens.forEach(ScreenClient::close);
        for (String id : events) {
            first.post("/api/v1/events/" + id + "/transitions", "{\"action\":\"refuse\",\"note\":\"test over\"}",
                    DISPATCHER);
        }
    }

    @Test
    void changesMadeThroughInstanceOneReachTheScreensOfTheirStreetOnInstanceTwoOnceInSeqOrder() throws Exception {
        ScreenClient bearer = screen("scope=" + STREET_TWO, TestTokens.screen(STREET_TWO));
        HttpResponse<String> issued = first.post("/api/v1/live/tickets", "{}", TestTokens.screen(STREET_TWO));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String ticket = new JsonObject(issued.body()).getString("ticket");
        ScreenClient ticketed = screen("scope=" + STREET_TWO + "&ticket=" + ticket, null);
        ScreenClient otherStreet = screen("scope=" + STREET_ONE, TestTokens.screen(STREET_ONE));
        long bearerFrom = snapshotOf(bearer).getLong("seq");
        long ticketedFrom = snapshotOf(ticketed).getLong("seq");
        long otherFrom = snapshotOf(otherStreet).getLong("seq");
        // redeemed on instance 2, the ticket is used up on instance 1 too
        ScreenClient again = ScreenClient.open(first.root(), "scope=" + STREET_TWO + "&ticket=" + ticket, null);
        screens.add(again);
        assertThat(again.closeCode(WAIT)).isEqualTo(4401);

        String reported = hotline(SmallCity.CELL_3, "street_vending");
        String sensor = "smk-two-" + RUN;
        try (TestPublisher publisher = TestPublisher.connect(backends.brokerUrl())) {
            // a shared subscription: either instance may take it
            publisher.publish("grid/v1/sensors/" + sensor + "/telemetry", "{\"ts\":" + System.currentTimeMillis()
                    + ",\"seq\":1,\"metrics\":{\"smoke\":0.8},\"lat\":22.51,\"lon\":114.027}");
        }
        HttpResponse<String> registered = first.post("/api/v1/events/" + reported + "/transitions",
                "{\"action\":\"register\"}", DISPATCHER);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        String bySensor = "SELECT event_id::text FROM event_change WHERE body->'sources' @> jsonb_build_array(?::text) "
                + "ORDER BY seq LIMIT 1";
        await().atMost(WAIT).until(() -> !database.texts(bySensor, "sensor:" + sensor).isEmpty());
        String smoke = database.texts(bySensor, "sensor:" + sensor).get(0);
        events.add(smoke);
        String markerTwo = hotline(SmallCity.EAST_CELL, "illegal_parking");
        String markerOne = hotline(SmallCity.WEST_CELL, "illegal_parking");
        long untilTwo = lastSeqOf(markerTwo);

        for (ScreenClient screen : List.of(bearer, ticketed)) {
            await().atMost(WAIT).until(() -> !changesOf(screen, markerTwo).isEmpty() || screen.isClosed());
            assertThat(screen.isClosed()).as("closed with %s", screen.closeReason()).isFalse();
        }
        assertThat(seenBetween(bearer, bearerFrom, untilTwo)).isEqualTo(logged(STREET_TWO, bearerFrom, untilTwo));
        assertThat(seenBetween(ticketed, ticketedFrom, untilTwo)).isEqualTo(logged(STREET_TWO, ticketedFrom, untilTwo));

        List<JsonObject> ofReported = changesOf(bearer, reported);
        assertThat(ofReported).as("the report, then its registration").hasSize(2);
        assertThat(ofReported.get(1).getString("type")).isEqualTo("event.updated");
        assertThat(ofReported.get(1).getLong("seq")).isGreaterThan(ofReported.get(0).getLong("seq"));
        assertThat(ofReported.get(1).getJsonObject("data").getString("state"))
                .isNotEqualTo(ofReported.get(0).getJsonObject("data").getString("state"));
        assertThat(changesOf(bearer, smoke)).isNotEmpty().allMatch(m -> SmallCity.CELL_3.equals(
                m.getJsonObject("data").getString("cell")));

        // the tail delivers in seq order: street one's marker, logged last, comes after anything before it
        long untilOne = lastSeqOf(markerOne);
        await().atMost(WAIT).until(() -> !changesOf(otherStreet, markerOne).isEmpty() || otherStreet.isClosed());
        assertThat(seenBetween(otherStreet, otherFrom, untilOne)).isEqualTo(logged(STREET_ONE, otherFrom, untilOne));
        assertThat(otherStreet.changes()).allMatch(m -> m.getJsonObject("data").getString("cell").startsWith(STREET_ONE));
        for (String id : List.of(reported, smoke, markerTwo)) {
            assertThat(changesOf(otherStreet, id)).as("street one's screen and event %s", id).isEmpty();
        }
    }

    @Test
    void aScreenOfInstanceTwoThatResumesWithSinceGetsExactlyWhatInstanceOneChangedMeanwhile() throws Exception {
        String token = TestTokens.screen(STREET_TWO);
        ScreenClient before = screen("scope=" + STREET_TWO, token);
        String epoch = snapshotOf(before).getString("epoch");
        String seen = hotline(SmallCity.CELL_3, "exposed_garbage");
        await().atMost(WAIT).until(() -> !changesOf(before, seen).isEmpty());
        List<JsonObject> shown = before.changes();
        long since = shown.get(shown.size() - 1).getLong("seq");
        before.close();

        String missedEast = hotline(SmallCity.EAST_CELL, "garbage_overflow");
        String missedElsewhere = hotline(SmallCity.WEST_CELL, "garbage_overflow");
        String missedCell3 = hotline(SmallCity.CELL_3, "noise_nuisance");
        HttpResponse<String> registered = first.post("/api/v1/events/" + seen + "/transitions",
                "{\"action\":\"register\"}", DISPATCHER);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

        ScreenClient after = screen("scope=" + STREET_TWO + "&since=" + since + "&epoch=" + epoch, token);
        String marker = hotline(SmallCity.EAST_CELL, "illegal_advertising");
        long until = lastSeqOf(marker);
        await().atMost(WAIT).until(() -> !changesOf(after, marker).isEmpty() || after.isClosed());
        assertThat(after.isClosed()).as("closed with %s", after.closeReason()).isFalse();

        assertThat(after.ofType("snapshot")).as("a resume sends no snapshot").isEmpty();
        List<String> missed = logged(STREET_TWO, since, until);
        assertThat(seenBetween(after, since, until)).isEqualTo(missed);
        assertThat(after.changes().stream().map(m -> m.getLong("seq")).toList()).as("nothing twice, in order")
                .isSorted().doesNotHaveDuplicates();
        assertThat(changesOf(after, missedEast)).isNotEmpty();
        assertThat(changesOf(after, missedCell3)).isNotEmpty();
        assertThat(changesOf(after, seen)).extracting(m -> m.getString("type")).containsExactly("event.updated");
        assertThat(changesOf(after, missedElsewhere)).isEmpty();
    }

    /**
     * Positions go to one instance or the other (a shared subscription); a screen on each instance sees every
     * worker move, so whichever way the broker split them, one instance's screen showed what the other took
     * ({@code grid/v1/live/{cell}}, the broker as the fan-out).
     */
    @Test
    void workersPlacedByEitherInstanceMoveOnTheScreensOfBoth() throws Exception {
        ScreenClient onFirst = ScreenClient.open(first.root(), "scope=" + STREET_TWO, TestTokens.screen(STREET_TWO));
        screens.add(onFirst);
        ScreenClient onSecond = screen("scope=" + STREET_TWO, TestTokens.screen(STREET_TWO));
        snapshotOf(onFirst);
        snapshotOf(onSecond);
        List<String> workers = new ArrayList<>();
        long ts = System.currentTimeMillis();
        try (TestPublisher publisher = TestPublisher.connect(backends.brokerUrl())) {
            for (int i = 0; i < 12; i++) {
                String worker = "wrk-two-" + RUN + "-" + i;
                workers.add(worker);
                publisher.publish("grid/v1/workers/" + worker + "/location", "{\"ts\":" + ts + ",\"seq\":1,"
                        + "\"lat\":22.51,\"lon\":" + (114.031 + i * 0.0005) + ",\"accuracy\":5}");
            }
        }
        for (ScreenClient screen : List.of(onFirst, onSecond)) {
            await().atMost(WAIT).until(() -> movedWorkers(screen).containsAll(workers) || screen.isClosed());
            assertThat(screen.isClosed()).as("closed with %s", screen.closeReason()).isFalse();
            assertThat(screen.ofType("worker.moved")).filteredOn(m -> workers.contains(
                    m.getJsonObject("data").getString("id"))).allMatch(m -> SmallCity.EAST_CELL.equals(
                            m.getJsonObject("data").getString("cell")));
        }
    }

    private static List<String> movedWorkers(ScreenClient screen) {
        return screen.ofType("worker.moved").stream().map(m -> m.getJsonObject("data").getString("id")).toList();
    }

    private ScreenClient screen(String query, String token) {
        ScreenClient screen = ScreenClient.open(second.root(), query, token);
        screens.add(screen);
        return screen;
    }

    private static JsonObject snapshotOf(ScreenClient screen) {
        await().atMost(WAIT).until(() -> !screen.ofType("snapshot").isEmpty() || screen.isClosed());
        assertThat(screen.isClosed()).as("closed with %s", screen.closeReason()).isFalse();
        return screen.ofType("snapshot").get(0);
    }

    /** A hotline report through instance 1 (raised, or joined to the open event of the cell and category). */
    private String hotline(String cell, String category) throws Exception {
        HttpResponse<String> response = first.post("/api/v1/events", "{\"category\":\"" + category + "\",\"cell\":\""
                + cell + "\",\"reporter\":\"caller-" + RUN + "\"}", HOTLINE);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        String id = new JsonObject(response.body()).getString("id");
        events.add(id);
        return id;
    }

    private static List<JsonObject> changesOf(ScreenClient screen, String eventId) {
        return screen.changes().stream().filter(m -> eventId.equals(m.getJsonObject("data").getString("id"))).toList();
    }

    /** The seq of the event's latest change in the log (committed when the request that made it answered). */
    private static long lastSeqOf(String eventId) throws SQLException {
        return Long.parseLong(database.texts("SELECT max(seq)::text FROM event_change WHERE event_id = ?::uuid",
                eventId).get(0));
    }

    /** The screen's event changes with a seq in (from, until], as "seq type event", in the order they came. */
    private static List<String> seenBetween(ScreenClient screen, long from, long until) {
        return screen.changes().stream().filter(m -> m.getLong("seq") > from && m.getLong("seq") <= until)
                .map(m -> m.getLong("seq") + " " + m.getString("type") + " " + m.getJsonObject("data").getString("id"))
                .toList();
    }

    /** The log's changes under {@code scope} with a seq in (from, until], as "seq type event", in seq order. */
    private static List<String> logged(String scope, long from, long until) throws SQLException {
        return database.texts("SELECT seq || ' ' || type || ' ' || event_id FROM event_change "
                + "WHERE seq > ? AND seq <= ? AND cell LIKE ? ORDER BY seq", from, until, scope + "%");
    }
}
