package city.gridcommand.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The set-up of tests that need someone on call: real schedules and contact preferences put in force through
 * the on-call API by an admin ({@code PUT /api/v1/oncall/schedules}, {@code PUT /api/v1/oncall/people/{id}}),
 * as an operator would, so that the alert engine asks the real schedules. The schedules are one set for the
 * whole service: a test puts the whole set it needs and leaves it {@link #none() empty} again, as the test
 * service starts (no demo city, no schedules).
 */
public final class OnCallInForce {

    private OnCallInForce() {
    }

    /**
     * A 24/7 schedule of {@code department} on {@code cell} with one participant on a daily rotation: that
     * person is on call for the cell and everything under it at any time.
     */
    public static JsonObject allDay(String id, String department, String cell, String person) {
        // a rotation that started a week ago, whatever the date the test runs
        String start = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();
        return new JsonObject().put("id", id).put("department", department).put("cell", cell).put("coverage", "24/7")
                .put("layers", new JsonArray().add(new JsonObject().put("name", "all-day")
                        .put("participants", new JsonArray().add(person)).put("shift", "daily")
                        .put("handover", "08:00").put("start", start)));
    }

    /** Replaces the whole set by these schedules; they must be accepted without a warning (no gap). */
    public static void schedules(JsonObject... schedules) {
        JsonArray list = new JsonArray();
        List.of(schedules).forEach(list::add);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(new JsonObject().put("schedules", list).encode()).put("/api/v1/oncall/schedules").then()
                .statusCode(200).body("schedules.size()", equalTo(schedules.length)).body("warnings", empty());
    }

    /** No schedule in force: nobody is on call anywhere. */
    public static void none() {
        schedules();
    }

    /** Stores the person's contact preferences: these channels in this order, no quiet hours. */
    public static void contacts(String person, String... channels) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("channels", List.of(channels)))
                .put("/api/v1/oncall/people/" + person).then().statusCode(200)
                .body("channels", equalTo(List.of(channels))).body("stored", equalTo(true));
    }
}
