package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.geo.Cell;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.sim.SimulateCommand;
import city.gridcommand.sim.StaffDesk;
import city.gridcommand.sim.StaffSimulator;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate --staff} against the service with the demo city: a few hotline cases raised over REST are
 * worked by the simulated dispatcher, departments and supervisor, each signed in with the demo login, on a
 * city clock compressed 1,200 times (a city hour in three seconds); every step is in the case's history
 * under the person whose job it is, and the case statistics show closed cases and an on-time rate. Every
 * step's deadline is cut to six seconds, so that late handling really passes a deadline within the test.
 * And {@code simulate --staff} itself: publishing with the staff at work, their counts on the progress line.
 */
@QuarkusTest
@TestProfile(StaffSimulationTest.DemoCityWithShortDeadlines.class)
class StaffSimulationTest {

    /** The demo city on, and every deadline six seconds (a drill, in the service's own words). */
    public static class DemoCityWithShortDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.demo.enabled", "true", "grid.cases.deadline-override", "PT6S");
        }
    }

    private static final String DISTRICT = "440305";
    private static final int FEWEST = 12;
    private static final int MOST = 40;
    private static final long SEED = 7;
    private static final double COMPRESSION = 1_200;

    @Inject
    LiveGrid grid;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Test
    void theStaffWorkHotlineCasesThroughToClosedAndEvaluated() throws Exception {
        long from = System.currentTimeMillis();
        // The demo city's cells, or, where the database already held a grid (CI's second pass shares one
        // database across the suite, so the demo city is not loaded), the cells in force: each case gets a
        // (cell, category) of its own, and one that joins a case left open by another test is not used.
        List<String> cells = grid.snapshot().grid().cells().stream().filter(Cell::isBaseCell).map(Cell::code)
                .filter(code -> code.startsWith(DISTRICT)).sorted().limit(MOST).toList();
        assertThat(cells).isNotEmpty();
        List<String> categories = given().auth().oauth2(TestTokens.dispatcher(DISTRICT)).get("/api/v1/categories")
                .then().statusCode(200).extract().jsonPath().getList("categories.code");
        String hotline = TestTokens.builder().subject("hotline").roles("service").cells(DISTRICT).sign();
        // The service picks the ids the staff's decisions hang on: cases are raised until the desk will refuse
        // one and handle a registered one late, so that both paths are taken.
        StaffDesk desk = new StaffDesk(SEED);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cells.size() * categories.size() && ids.size() < MOST && (ids.size() < FEWEST
                || !ids.stream().anyMatch(id -> !desk.intake(id).register())
                || !ids.stream().anyMatch(id -> desk.intake(id).register() && desk.handling(id, 0).late())); i++) {
            var answer = given().auth().oauth2(hotline).contentType(ContentType.JSON)
                    .body(Map.of("category", categories.get(i / cells.size()), "cell", cells.get(i % cells.size()),
                            "description", "caller " + i + ": please send someone", "reporter", "caller-" + i))
                    .post("/api/v1/events").then().extract();
            assertThat(answer.statusCode()).isIn(200, 201);
            if (answer.statusCode() == 201) {
                ids.add(answer.jsonPath().getString("id"));
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(FEWEST);

        long start = System.nanoTime();
        LongSupplier cityClock = () -> (long) ((System.nanoTime() - start) / 1e6 * COMPRESSION);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StaffSimulator.Counts counts;
        try (StaffSimulator staff = StaffSimulator.start(URI.create(root.toString()), "demo", SEED, cityClock,
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            // every case worked to its end: evaluated, or refused
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> states(ids).stream().allMatch(s -> s.equals("EVALUATED") || s.equals("REFUSED")));
            counts = staff.counts();
        }
        System.out.println("StaffSimulationTest: " + ids.size() + " cases; " + counts.line() + "\n"
                + log.toString(StandardCharsets.UTF_8));
        String supervisor = TestTokens.supervisor(DISTRICT);

        int evaluated = 0;
        int late = 0;
        for (String id : ids) {
            JsonPath answer = given().auth().oauth2(supervisor).get("/api/v1/events/" + id).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> history = answer.getList("history");
            if (!desk.intake(id).register()) {
                assertThat(answer.getString("event.state")).isEqualTo("REFUSED");
                assertThat(actor(history, "refuse")).isEqualTo("dispatcher");
                assertThat(history).anyMatch(h -> desk.intake(id).reason().equals(h.get("note")));
                continue;
            }
            assertThat(answer.getString("event.state")).isEqualTo("EVALUATED");
            evaluated++;
            String department = answer.getString("event.department");
            // every step a real transition by the person whose job it is
            assertThat(actor(history, "register")).isEqualTo("dispatcher");
            assertThat(actor(history, "dispatch")).isEqualTo("dispatcher");
            assertThat(actor(history, "accept")).isEqualTo("handler-" + department);
            assertThat(actor(history, "feedback")).isEqualTo("handler-" + department);
            assertThat(actor(history, "close")).isEqualTo("supervisor");
            assertThat(actor(history, "evaluate")).isEqualTo("supervisor");
            assertThat(answer.getInt("event.evaluation")).isEqualTo(desk.evaluation(id).score());
            // a department late in any round fed back past the deadline: the case was not closed on time
            int reworks = answer.getInt("event.reworkCount");
            assertThat(history.stream().filter(h -> "rework".equals(h.get("action")))).hasSize(reworks);
            if (IntStream.rangeClosed(0, reworks).anyMatch(round -> desk.handling(id, round).late())) {
                late++;
                assertThat(answer.getBoolean("event.closedOnTime")).isFalse();
                assertThat(answer.getBoolean("event.overdue")).isTrue();
            }
        }
        assertThat(evaluated).isPositive();
        assertThat(late).isPositive();
        assertThat(counts.registered()).isGreaterThanOrEqualTo(evaluated);
        assertThat(counts.closed()).isGreaterThanOrEqualTo(evaluated);
        assertThat(counts.evaluated()).isGreaterThanOrEqualTo(evaluated);

        JsonPath stats = given().auth().oauth2(supervisor).queryParam("scope", DISTRICT).queryParam("from", from)
                .queryParam("by", "category").get("/api/v1/stats/cases").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> groups = stats.getList("groups");
        long closed = groups.stream().mapToLong(g -> ((Number) g.get("closed")).longValue()).sum();
        long registered = groups.stream().mapToLong(g -> ((Number) g.get("registered")).longValue()).sum();
        long closedOnTime = groups.stream().mapToLong(g -> ((Number) g.get("closedOnTime")).longValue()).sum();
        assertThat(closed).isEqualTo(evaluated);
        assertThat(closed - closedOnTime).isGreaterThanOrEqualTo(late);
        assertThat(groups).filteredOn(g -> ((Number) g.get("closed")).longValue() > 0)
                .allSatisfy(g -> assertThat(g.get("onTimeClosingRate")).isNotNull());
        // the on-time rate is closed on time over registered, as the staff's own work gives it
        assertThat(registered).isPositive();
        assertThat(closedOnTime).isLessThanOrEqualTo(closed);
    }

    @Test
    void simulateWithStaffPublishesAndPrintsTheStaffsCountsOnTheProgressLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SimulateCommand.run(new String[] {"--url=" + brokerUrl, "--rate=300", "--duration=3s",
            "--base-cells=40", "--seed=3", "--staff", "--api=" + root}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as("%s%s", printed, err).isEqualTo(SimulateCommand.OK);
        assertThat(printed).contains("simulate: staff signed in at " + root + ": dispatcher, supervisor and "
                + "handler-dept-civil");
        assertThat(printed.lines().filter(line -> line.startsWith("simulate ") && line.contains("city time ")
                && line.contains("  staff: registered "))).isNotEmpty();
        assertThat(printed.lines().filter(line -> line.startsWith("simulate: staff: registered ")
                && line.contains(" refused-by-service "))).hasSize(1);
    }

    @Test
    void aWrongDemoPasswordEndsSimulateBeforeItPublishes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SimulateCommand.run(new String[] {"--url=" + brokerUrl, "--duration=3s", "--base-cells=40",
            "--staff", "--api=" + root, "--staff-password=guess"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(SimulateCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused the demo login of 'dispatcher'", "401");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("sent ");
    }

    private static String actor(List<Map<String, Object>> history, String action) {
        return history.stream().filter(h -> action.equals(h.get("action"))).map(h -> (String) h.get("actor"))
                .reduce((first, last) -> last).orElse(null);
    }

    private static List<String> states(List<String> ids) {
        String supervisor = TestTokens.supervisor(DISTRICT);
        return ids.stream().map(id -> given().auth().oauth2(supervisor).get("/api/v1/events/" + id).then()
                .statusCode(200).extract().jsonPath().getString("event.state")).toList();
    }
}
