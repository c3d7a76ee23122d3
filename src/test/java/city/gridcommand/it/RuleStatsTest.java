package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.SmallCityInForce;
import city.gridcommand.testing.TestPublisher;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which rule floods: a camera rule that confirms (the default camera-street-vending: three detections
 * within ten minutes, then an hour's cooldown) raises one event from a camera's detections over MQTT,
 * and {@code GET /api/v1/stats/rules} counts it for the rule and its category, cut to the caller's cells;
 * the rule's firings are the counter {@code grid.rules.raised} on the management port.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class RuleStatsTest {

    private static final String DISPATCHER = TestTokens.dispatcher(SmallCity.DISTRICT);
    /** The street of the west cells only: the east cell's events are not theirs. */
    private static final String WEST_DISPATCHER = TestTokens.dispatcher("440305001");
    private static final String RULE = "camera-street-vending";
    /** No other test raises street vending here: in CI the suite shares one database. */
    private static final String CELL = SmallCity.EAST_CELL;

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Inject
    Pool pool;

    private Db db;
    private TestPublisher camera;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        db = new Db(pool);
        camera = TestPublisher.connect(brokerUrl);
        SmallCityInForce.withDefaultRules();
    }

    @AfterEach
    void tearDown() {
        camera.close();
    }

    private void see(String cameraId, int seq) {
        camera.publish("grid/v1/cameras/" + cameraId + "/detections", "{\"ts\":" + System.currentTimeMillis()
                + ",\"seq\":" + seq + ",\"kind\":\"street_vending\",\"confidence\":0.9,\"lat\":22.51,\"lon\":114.035}");
    }

    private void awaitStored(String cameraId, long detections) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                db.count("SELECT count(*) FROM detection WHERE camera_id = $1", cameraId)).isEqualTo(detections));
    }

    private long openVending() {
        return db.count("SELECT count(*) FROM event WHERE cell = $1 AND category = 'street_vending' AND open", CELL);
    }

    private static JsonPath stats(String token) {
        return given().auth().oauth2(token).get("/api/v1/stats/rules").then().statusCode(200).extract().jsonPath();
    }

    private static long raised(JsonPath stats) {
        return stats.getLong("rules.find { it.rule == '" + RULE + "' && it.category == 'street_vending' }.raised");
    }

    @Test
    void aConfirmedCameraRuleRaisesOnceAndTheStatsAndMetricsShowItWithItsCategory() {
        assertThat(openVending()).as("an open street vending event in the cell would be joined, not raised")
                .isZero();
        long before = raised(stats(DISPATCHER));
        long westBefore = raised(stats(WEST_DISPATCHER));
        String cam = "cam-vending-" + run;

        see(cam, 1);
        see(cam, 2);
        awaitStored(cam, 2);
        assertThat(openVending()).as("two detections do not confirm street vending").isZero();

        see(cam, 3);
        awaitStored(cam, 3);
        assertThat(openVending()).as("the third raises").isEqualTo(1);
        // the camera is cooling down: more detections raise nothing and join nothing
        see(cam, 4);
        see(cam, 5);
        see(cam, 6);
        awaitStored(cam, 6);
        assertThat(db.count("SELECT signals FROM event WHERE cell = $1 AND category = 'street_vending' AND open", CELL))
                .isEqualTo(1);
        assertThat(db.text("SELECT reporter FROM event WHERE cell = $1 AND category = 'street_vending' AND open",
                CELL)).isEqualTo(cam);

        JsonPath stats = stats(DISPATCHER);
        assertThat(stats.getInt("hours")).isEqualTo(1);
        assertThat(stats.getLong("to") - stats.getLong("from")).isEqualTo(3_600_000L);
        assertThat(raised(stats)).isEqualTo(before + 1);
        String mine = "rules.find { it.rule == '" + RULE + "' }";
        assertThat(stats.getString(mine + ".name")).isEqualTo("Street vending on the pavement");
        assertThat(stats.getDouble(mine + ".perHour")).isEqualTo((double) (before + 1));
        // the east cell is not the west street's
        assertThat(raised(stats(WEST_DISPATCHER))).isEqualTo(westBefore);
        // a whole day counts it too, per hour over the day
        JsonPath day = given().auth().oauth2(DISPATCHER).queryParam("hours", 24).get("/api/v1/stats/rules").then()
                .statusCode(200).body("hours", equalTo(24)).extract().jsonPath();
        assertThat(raised(day)).isGreaterThanOrEqualTo(before + 1);
        assertThat(day.getDouble(mine + ".perHour")).isCloseTo(raised(day) / 24.0, within(1e-6));

        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        Matcher counter = Pattern.compile("grid_rules_raised_total\\{category=\"street_vending\",rule=\"" + RULE
                + "\"} ([0-9.]+)").matcher(scraped);
        assertThat(counter.find()).as("the counter of the rule and category is on /metrics").isTrue();
        assertThat(Double.parseDouble(counter.group(1))).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void theWindowIsOneToOneHundredSixtyEightHoursAndOnlyTheCentreSeesIt() {
        for (String bad : new String[] {"0", "169", "-1", "an hour"}) {
            given().auth().oauth2(DISPATCHER).queryParam("hours", bad).get("/api/v1/stats/rules").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(DISPATCHER).queryParam("hours", 168).get("/api/v1/stats/rules").then().statusCode(200);
        given().auth().oauth2(TestTokens.supervisor(SmallCity.DISTRICT)).get("/api/v1/stats/rules").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.handler("u-" + run, "dept-urban", SmallCity.DISTRICT))
                .get("/api/v1/stats/rules").then().statusCode(403);
        given().auth().oauth2(TestTokens.screen(SmallCity.DISTRICT)).get("/api/v1/stats/rules").then()
                .statusCode(403);
        given().get("/api/v1/stats/rules").then().statusCode(401);
    }
}
