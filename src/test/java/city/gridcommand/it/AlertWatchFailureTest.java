package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A change the alerts cannot judge does not hold the others back: with the database refusing the alert of
 * one event (a trigger standing for a bug or data the tables refuse), that change is kept in
 * {@code alert_failed_change} with why and skipped, and the change after it alerts as usual.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class AlertWatchFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void aChangeTheAlertsCannotJudgeIsKeptAndSkippedAndTheNextOneAlerts() {
        Db db = new Db(pool);
        List<String> raised = new ArrayList<>();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(SmallCity.geoJson())
                .put("/api/v1/grids").then().statusCode(200);
        db.execute("""
                CREATE OR REPLACE FUNCTION alert_refused_for_test() RETURNS trigger AS $$
                BEGIN
                    IF NEW.category = 'fire_hazard' THEN RAISE EXCEPTION 'refused for the test'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        db.execute("CREATE TRIGGER alert_refused_for_test BEFORE INSERT ON alert FOR EACH ROW "
                + "EXECUTE FUNCTION alert_refused_for_test()");
        try {
            String refused = hotline("fire_hazard");
            raised.add(refused);
            String alerted = hotline("vehicle_accident");
            raised.add(alerted);
            await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM alert_event WHERE event_id = $1",
                    UUID.fromString(alerted)) == 1);
            assertThat(db.text("SELECT error FROM alert_failed_change WHERE event_id = $1", UUID.fromString(refused)))
                    .contains("refused for the test");
            assertThat(db.count("SELECT count(*) FROM alert_event WHERE event_id = $1", UUID.fromString(refused)))
                    .isZero();
        } finally {
            db.execute("DROP TRIGGER alert_refused_for_test ON alert");
            db.execute("DROP FUNCTION alert_refused_for_test()");
            raised.forEach(AlertWatchFailureTest::refuse);
        }
    }

    /** A database shared with the other tests (CI's second pass) keeps no open event of ours. */
    private static void refuse(String event) {
        given().auth().oauth2(TestTokens.dispatcher(SmallCity.DISTRICT)).contentType(ContentType.JSON)
                .body("{\"action\":\"refuse\",\"note\":\"test over\"}").post("/api/v1/events/" + event + "/transitions");
    }

    /** A RED case from the hotline in cell 3 (a category of its own: raised, not joined). */
    private static String hotline(String category) {
        String token = TestTokens.builder().subject("hotline-failure").roles("service").cells(SmallCity.DISTRICT).sign();
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"category\":\"" + category
                + "\",\"severity\":\"RED\",\"cell\":\"" + SmallCity.CELL_3 + "\",\"reporter\":\"caller-"
                + UUID.randomUUID() + "\"}").post("/api/v1/events").then().statusCode(201).extract().path("id");
    }
}
