package city.gridcommand.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.it.process.ItDatabase;
import city.gridcommand.it.process.ServiceProcess;
import city.gridcommand.it.process.SharedBackends;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestTokens;
import city.gridcommand.testing.TestPublisher;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service sharing the feeds (an MQTT shared subscription) and one
 * PostgreSQL: fifty cameras seeing fire in the same cell at once make exactly one open event, every
 * signal counted in it, whichever instance took it; fifty hotline reports posted to both instances at
 * once make one event. The broker, database and the built-in issuer's signing key are
 * {@link SharedBackends}: a token {@link TestTokens} mints is good on either instance.
 */
class TwoInstanceEventsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path FOLDER = Path.of("target", "it-two-instances-" + RUN);
    private static final int CAMERAS = 50;
    /** The hotline's machine account. */
    private static final String HOTLINE = TestTokens.builder().subject("hotline-" + RUN).roles("service")
            .cells(SmallCity.DISTRICT).sign();

    private static SharedBackends backends;
    private static String brokerUrl;
    private static ItDatabase database;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void start() throws Exception {
        backends = SharedBackends.start(RUN, FOLDER);
        brokerUrl = backends.brokerUrl();
        database = backends.database();
        first = backends.instance("a");
        first.start();
        assertThat(first.put("/api/v1/grids", SmallCity.geoJson(), TestTokens.admin()).statusCode()).isEqualTo(200);
        // one open event per cell across instances is what is tested here, not confirmation: every camera's
        // first detection of fire must raise or join, so camera-fire raises at once (the second instance
        // reads the stored rules when it starts)
        assertThat(first.put("/api/v1/rules", rulesRaisingEveryFireDetection(), TestTokens.admin()).statusCode())
                .isEqualTo(200);
        second = backends.instance("b");
        second.start();
    }

    /** The default rules, with camera-fire raising for every detection (no confirmation). */
    private static String rulesRaisingEveryFireDetection() throws java.io.IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var in = TwoInstanceEventsIT.class.getResourceAsStream("/rules/default-rules.json")) {
            var rules = json.readTree(in);
            for (var rule : rules.get("rules")) {
                if (rule.get("id").asText().equals("camera-fire")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) rule).remove("confirm");
                }
            }
            return json.writeValueAsString(rules);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {first, second, backends}) {
            if (part != null) {
                part.close();
            }
        }
    }

    /** A cell where no other test of the suite raises fire: in CI the suite shares one database. */
    @Test
    void fiftyCamerasSeeingFireInOneCellMakeOneEventAcrossTwoInstances() throws Exception {
        long ts = System.currentTimeMillis();
        IntStream.range(0, 5).parallel().forEach(p -> {
            try (TestPublisher publisher = TestPublisher.connect(brokerUrl)) {
                for (int c = p; c < CAMERAS; c += 5) {
                    publisher.publish("grid/v1/cameras/cam-" + RUN + "-" + c + "/detections", "{\"ts\":" + ts
                            + ",\"seq\":1,\"kind\":\"fire\",\"confidence\":0.9,\"lat\":22.51,\"lon\":114.012}");
                }
            }
        });

        String cameras = "camera:cam-" + RUN + "-%";
        // one change-log entry per signal: the raise, then a join for each other camera
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(database.count(
                "SELECT count(*) FROM event_change c JOIN event e ON e.id = c.event_id "
                        + "WHERE e.cell = ? AND e.category = 'fire' AND e.open", SmallCity.MIDDLE_WEST_CELL)).isEqualTo(CAMERAS));
        assertThat(database.count("SELECT count(*) FROM event WHERE cell = ? AND category = 'fire' AND open",
                SmallCity.MIDDLE_WEST_CELL)).isEqualTo(1);
        assertThat(database.count("SELECT max(signals) FROM event WHERE cell = ? AND category = 'fire' AND open",
                SmallCity.MIDDLE_WEST_CELL)).isEqualTo(CAMERAS);
        assertThat(database.count("SELECT count(*) FROM event e, unnest(e.sources) s WHERE e.cell = ? "
                + "AND e.category = 'fire' AND e.open AND s LIKE ?", SmallCity.MIDDLE_WEST_CELL, cameras)).isEqualTo(CAMERAS);
        // the broker chose which instance took each detection (Mosquitto 2.0.11 sometimes hands one to
        // both: one stores it, the other counts a duplicate); between them they took every one
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(takenDetections(first) + takenDetections(second)).isGreaterThanOrEqualTo(CAMERAS));
    }

    @Test
    void fiftyConcurrentHotlineReportsSplitOverTwoInstancesMakeOneEvent() {
        String body = "{\"category\":\"road_damage\",\"cell\":\"" + SmallCity.EAST_CELL + "\",\"reporter\":\"caller-%d\"}";
        var statuses = IntStream.range(0, CAMERAS).parallel().mapToObj(i -> {
            try {
                return (i % 2 == 0 ? first : second).post("/api/v1/events", String.format(body, i), HOTLINE)
                        .statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        try {
            assertThat(database.count("SELECT count(*) FROM event WHERE cell = ? AND category = 'road_damage' AND open",
                    SmallCity.EAST_CELL)).isEqualTo(1);
            assertThat(database.count("SELECT max(signals) FROM event WHERE cell = ? AND category = 'road_damage'",
                    SmallCity.EAST_CELL)).isEqualTo(CAMERAS);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long takenDetections(ServiceProcess instance) throws Exception {
        HttpResponse<String> stats = instance.get("/api/v1/stats/ingest", TestTokens.admin());
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        String body = stats.body();
        var detection = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("bySource").path("detection");
        return detection.path("processed").asLong() + detection.path("duplicates").asLong();
    }
}
