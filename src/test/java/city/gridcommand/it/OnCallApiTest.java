package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import city.gridcommand.audit.AuditEntry;
import city.gridcommand.oncall.OnCallLookup;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The on-call API over HTTP with real tokens and the real database: a set refused whole with every field
 * named, a set stored and answering "who is on call" (through the REST endpoint and the {@link OnCallLookup}
 * bean the alerts use), gap warnings, the caller's cells, and contact preferences.
 */
@QuarkusTest
class OnCallApiTest {

    private static final String STREET_ONE = "440305001";
    private static final String STREET_TWO = "440305002";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** A district centre on duty in office hours only (24/7, so its nights are gaps), fire for street one. */
    private static final String GOOD = """
            {"schedules":[
              {"id":"district-centre","name":"District centre","department":"centre","cell":"440305","coverage":"24/7",
               "layers":[{"name":"office","participants":["dispatcher","supervisor"],"shift":"daily","handover":"08:30",
                          "start":"2026-03-02","restrictions":{"windows":["08:30-17:30"]}}]},
              {"id":"street-one-fire","department":"dept-fire","cell":"440305001","coverage":"24/7",
               "layers":[{"name":"base","participants":["fire-a","fire-b"],"shift":"weekly","handover":"09:00",
                          "handoverDay":"monday","start":"2026-03-02"},
                         {"name":"night","participants":["fire-night"],"shift":"daily","handover":"18:00","start":"2026-03-02",
                          "restrictions":{"windows":["18:00-08:00"]}}],
               "overrides":[{"person":"fire-swap","from":"2026-03-04T18:00","to":"2026-03-05T08:00"}]}]}""";

    @Inject
    OnCallLookup lookup;

    @Inject
    Pool pool;

    @BeforeEach
    void importTheCityAndClearTheSchedules() {
        as(TestTokens.admin()).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids").then()
                .statusCode(200);
        as(TestTokens.admin()).contentType(ContentType.JSON).body("{\"schedules\":[]}").put("/api/v1/oncall/schedules")
                .then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static long at(String local) {
        return LocalDateTime.parse(local).atZone(CITY).toInstant().toEpochMilli();
    }

    @Test
    void anInvalidSetIsRefusedWholeNamingEveryField() {
        as(TestTokens.admin()).contentType(ContentType.JSON).body(GOOD).put("/api/v1/oncall/schedules").then()
                .statusCode(200);
        String bad = """
                {"schedules":[
                  {"id":"x","department":"centre","cell":"440305","coverage":"24/7",
                   "layers":[{"name":"l","participants":[],"shift":"daily","handover":"08:00","start":"2026-03-02"}]},
                  {"id":"y","department":"centre","cell":"440399999","coverage":"partial",
                   "layers":[{"name":"l","participants":["p"],"shift":"monthly","handover":"08:00","start":"2026-03-02"}]}]}""";
        JsonPath refusal = as(TestTokens.admin()).contentType(ContentType.JSON).body(bad).put("/api/v1/oncall/schedules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("schedules[0].layers[0].participants")).extract().jsonPath();
        assertThat(refusal.getList("errors.field", String.class)).containsExactlyInAnyOrder(
                "schedules[0].layers[0].participants", "schedules[1].layers[0].shift");
        // the cells are checked once every schedule reads
        String unknownCell = bad.replace("\"participants\":[]", "\"participants\":[\"p\"]").replace("monthly", "daily");
        as(TestTokens.admin()).contentType(ContentType.JSON).body(unknownCell).put("/api/v1/oncall/schedules").then()
                .statusCode(400).body("errors.field", equalTo(List.of("schedules[1].cell")));
        as(TestTokens.admin()).get("/api/v1/oncall/schedules").then().statusCode(200)
                .body("schedules.id", equalTo(List.of("district-centre", "street-one-fire")));
    }

    @Test
    void aStoredSetAnswersWhoIsOnCallAndWarnsOfGaps() {
        JsonPath stored = as(TestTokens.admin()).contentType(ContentType.JSON).body(GOOD).put("/api/v1/oncall/schedules")
                .then().statusCode(200).extract().jsonPath();
        List<String> warned = stored.getList("warnings.field", String.class);
        assertThat(warned).isNotEmpty().containsOnly("schedules[0]");
        assertThat(stored.getLong("warnings[0].to")).isGreaterThan(stored.getLong("warnings[0].from"));
        assertThat(new Db(pool).count("SELECT count(*) FROM oncall_schedules WHERE jsonb_typeof(document) = 'object'"))
                .isEqualTo(1);

        String dispatcher = TestTokens.dispatcher(SmallCity.DISTRICT);
        // Tuesday 2026-03-03, midday: the base layer (fire-a this week)
        as(dispatcher).queryParam("cell", SmallCity.WEST_CELL).queryParam("department", "dept-fire")
                .queryParam("at", at("2026-03-03T12:00")).get("/api/v1/oncall/who").then().statusCode(200)
                .body("person", equalTo("fire-a")).body("schedule", equalTo("street-one-fire"))
                .body("source", equalTo("layer:base")).body("until", equalTo(at("2026-03-03T18:00")));
        // the swap that night
        as(dispatcher).queryParam("cell", SmallCity.WEST_CELL).queryParam("department", "dept-fire")
                .queryParam("at", at("2026-03-04T23:00")).get("/api/v1/oncall/who").then().statusCode(200)
                .body("person", equalTo("fire-swap")).body("source", equalTo("override"));
        // the centre: the district's schedule answers for a base cell; nobody at night; no schedule on street two
        as(dispatcher).queryParam("cell", SmallCity.EAST_CELL).queryParam("department", "centre")
                .queryParam("at", at("2026-03-03T09:00")).get("/api/v1/oncall/who").then().statusCode(200)
                .body("person", equalTo("supervisor"));
        as(dispatcher).queryParam("cell", SmallCity.EAST_CELL).queryParam("department", "centre")
                .queryParam("at", at("2026-03-03T23:00")).get("/api/v1/oncall/who").then().statusCode(404)
                .contentType("application/problem+json");
        as(dispatcher).queryParam("cell", SmallCity.EAST_CELL).queryParam("department", "dept-fire")
                .get("/api/v1/oncall/who").then().statusCode(404);
        as(dispatcher).queryParam("cell", "440305009").get("/api/v1/oncall/who").then().statusCode(400)
                .body("field", equalTo("cell"));

        // what the alerts ask, in process
        assertThat(lookup.onCall(List.of(SmallCity.DISTRICT, STREET_ONE, "440305001001", SmallCity.WEST_CELL), "dept-fire",
                at("2026-03-03T20:00"))).get().satisfies(a -> {
                    assertThat(a.personId()).isEqualTo("fire-night");
                    assertThat(a.source()).isEqualTo("layer:night");
                    assertThat(a.until()).isEqualTo(at("2026-03-04T08:00"));
                });

        JsonPath plan = as(dispatcher).queryParam("from", at("2026-03-03T00:00")).queryParam("to", at("2026-03-04T00:00"))
                .get("/api/v1/oncall/schedules/street-one-fire/shifts").then().statusCode(200).extract().jsonPath();
        assertThat(plan.getList("shifts.person", String.class)).containsExactly("fire-night", "fire-a", "fire-night");
        assertThat(plan.getList("gaps")).isEmpty();
        as(dispatcher).queryParam("from", at("2026-03-03T00:00")).queryParam("to", at("2026-03-02T00:00"))
                .get("/api/v1/oncall/schedules/street-one-fire/shifts").then().statusCode(400).body("field", equalTo("to"));

        as(TestTokens.admin()).queryParam("action", AuditEntry.ONCALL_SCHEDULES_REPLACE).get("/api/v1/audit").then()
                .statusCode(200).body("items.actor", hasItems("admin-1"));
    }

    @Test
    void aCallerOutsideTheCellIsRefusedAndAStreetReplacesOnlyItsOwnSchedules() {
        as(TestTokens.admin()).contentType(ContentType.JSON).body(GOOD).put("/api/v1/oncall/schedules").then()
                .statusCode(200);
        String streetTwo = TestTokens.dispatcher(STREET_TWO);
        as(streetTwo).queryParam("cell", SmallCity.WEST_CELL).queryParam("department", "dept-fire")
                .get("/api/v1/oncall/who").then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("cell")).body("cell", equalTo(SmallCity.WEST_CELL));
        as(streetTwo).get("/api/v1/oncall/schedules/street-one-fire/shifts").then().statusCode(403);
        as(streetTwo).get("/api/v1/oncall/schedules").then().statusCode(200).body("schedules", equalTo(List.of()));
        as(streetTwo).contentType(ContentType.JSON).body(GOOD).put("/api/v1/oncall/schedules").then().statusCode(403)
                .body("field", equalTo("schedules[0].cell"));
        as(TestTokens.screen(SmallCity.DISTRICT)).contentType(ContentType.JSON).body(GOOD)
                .put("/api/v1/oncall/schedules").then().statusCode(403);

        String own = """
                {"schedules":[{"id":"street-two-centre","department":"centre","cell":"440305002","coverage":"partial",
                   "layers":[{"name":"day","participants":["dispatcher-440305002"],"shift":"daily","handover":"08:00",
                              "start":"2026-03-02"}]}]}""";
        as(streetTwo).contentType(ContentType.JSON).body(own).put("/api/v1/oncall/schedules").then().statusCode(200)
                .body("schedules.id", equalTo(List.of("street-two-centre")));
        as(TestTokens.admin()).get("/api/v1/oncall/schedules").then().statusCode(200).body("schedules.id",
                equalTo(List.of("street-two-centre", "district-centre", "street-one-fire")));
        // the street's centre now answers for its cells before the district's
        as(streetTwo).queryParam("cell", SmallCity.EAST_CELL).queryParam("department", "centre")
                .queryParam("at", at("2026-03-03T12:00")).get("/api/v1/oncall/who").then().statusCode(200)
                .body("person", equalTo("dispatcher-440305002"));
        // an id taken by a schedule outside the caller's cells is named by that schedule's id
        String clash = own.replace("street-two-centre", "street-one-fire");
        as(streetTwo).contentType(ContentType.JSON).body(clash).put("/api/v1/oncall/schedules").then().statusCode(400)
                .body("errors.field", equalTo(List.of("inForce[street-one-fire].id")));
    }

    /** What another instance stores reaches this one's memory by the refresh, without a restart. */
    @Test
    void schedulesAndPreferencesStoredByAnotherInstanceAreFollowed() {
        long version = as(TestTokens.admin()).contentType(ContentType.JSON).body(GOOD).put("/api/v1/oncall/schedules")
                .then().statusCode(200).extract().jsonPath().getLong("version");
        Db db = new Db(pool);
        // another instance's replacement: the swap goes to someone else, straight into the table
        db.execute("UPDATE oncall_schedules SET document = jsonb_set(document, '{schedules,1,overrides,0,person}', "
                + "'\"fire-swap-2\"'), version = version + 1 WHERE version = " + version);
        db.execute("INSERT INTO oncall_contact (person_id, channels, updated_at) VALUES ('elsewhere-1', "
                + "ARRAY['webhook:pager','browser'], 1) ON CONFLICT (person_id) DO UPDATE SET channels = EXCLUDED.channels");
        List<String> path = List.of(SmallCity.DISTRICT, STREET_ONE, "440305001001", SmallCity.WEST_CELL);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(lookup.onCall(path, "dept-fire", at("2026-03-04T23:00"))).get()
                    .satisfies(a -> assertThat(a.personId()).isEqualTo("fire-swap-2"));
            as(TestTokens.admin()).get("/api/v1/oncall/people/elsewhere-1").then().statusCode(200)
                    .body("channels", equalTo(List.of("webhook:pager", "browser"))).body("stored", equalTo(true));
        });
        as(TestTokens.admin()).get("/api/v1/oncall/schedules").then().body("version", equalTo((int) version + 1));
    }

    @Test
    void aRegisteredWorkerIsAlertedOnTheTerminalFirstByDefault() {
        as(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"On call\",\"role\":\"worker\",\"cells\":[\"" + SmallCity.WEST_CELL + "\"]}")
                .put("/api/v1/workers/wrk-oncall-terminal").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        as(TestTokens.admin()).get("/api/v1/oncall/people/wrk-oncall-terminal").then().statusCode(200)
                .body("channels", equalTo(List.of("terminal", "browser"))).body("stored", equalTo(false));
        as(TestTokens.admin()).get("/api/v1/oncall/people/somebody-else").then().statusCode(200)
                .body("channels", equalTo(List.of("browser"))).body("quietHours", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void contactPreferencesAreEachPersonsOwn() {
        String worker = TestTokens.worker("wrk-oncall-1", SmallCity.WEST_CELL);
        as(worker).get("/api/v1/oncall/people/wrk-oncall-1").then().statusCode(200)
                .body("channels", equalTo(List.of("browser"))).body("stored", equalTo(false));
        as(worker).contentType(ContentType.JSON)
                .body("{\"channels\":[\"webhook:sms\",\"terminal\"],\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\"}}")
                .put("/api/v1/oncall/people/wrk-oncall-1").then().statusCode(200)
                .body("channels", equalTo(List.of("webhook:sms", "terminal")))
                .body("quietHours.from", equalTo("22:00")).body("stored", equalTo(true));
        as(TestTokens.admin()).get("/api/v1/oncall/people/wrk-oncall-1").then().statusCode(200)
                .body("quietHours.to", equalTo("07:00"));
        assertThat(new Db(pool).count("SELECT count(*) FROM oncall_contact WHERE person_id = 'wrk-oncall-1'"))
                .isEqualTo(1);
        String other = TestTokens.worker("wrk-oncall-2", SmallCity.WEST_CELL);
        as(other).get("/api/v1/oncall/people/wrk-oncall-1").then().statusCode(403);
        as(other).contentType(ContentType.JSON).body("{\"channels\":[\"browser\"]}").put("/api/v1/oncall/people/wrk-oncall-1")
                .then().statusCode(403);
        as(other).contentType(ContentType.JSON).body("{\"channels\":[\"pager\"]}").put("/api/v1/oncall/people/wrk-oncall-2")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("channels[0]"));
        as(other).contentType(ContentType.JSON).body("{\"channels\":[\"browser\"],\"quietHours\":{\"from\":\"22:00\"}}")
                .put("/api/v1/oncall/people/wrk-oncall-2").then().statusCode(400).body("field", equalTo("quietHours.to"));
        as(TestTokens.dispatcher(SmallCity.DISTRICT)).contentType(ContentType.JSON).body("{\"channels\":[\"browser\"]}")
                .put("/api/v1/oncall/people/wrk-oncall-2").then().statusCode(200);
    }
}
