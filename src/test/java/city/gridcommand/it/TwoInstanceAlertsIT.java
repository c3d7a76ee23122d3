package city.gridcommand.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.it.process.ItDatabase;
import city.gridcommand.it.process.ServiceProcess;
import city.gridcommand.it.process.SharedBackends;
import city.gridcommand.testing.OnCallInForce;
import city.gridcommand.testing.SmallCity;
import city.gridcommand.testing.TestSubscriber;
import city.gridcommand.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one database and one broker, both running the alert watch and timers (issue 13:
 * "a second instance running the same timers sends nothing twice"). A RED fire hazard's chain runs to its end
 * with nobody acking — the fire department's on-call, then the street centre with a reminder, twice over —
 * and every step, reminder and round reaches the terminals exactly once, as the database recorded it.
 */
class TwoInstanceAlertsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path FOLDER = Path.of("target", "it-two-alerts-" + RUN);
    private static final String FIRE = "fire-oncall-" + RUN;
    private static final String CENTRE = "street-centre-" + RUN;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static SharedBackends backends;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void start() throws Exception {
        backends = SharedBackends.start(RUN, FOLDER);
        first = instance("a");
        first.start();
        String admin = TestTokens.admin();
        assertThat(first.put("/api/v1/grids", SmallCity.geoJson(), admin).statusCode()).isEqualTo(200);
        JsonArray schedules = new JsonArray()
                .add(OnCallInForce.allDay("fire-" + RUN, "dept-fire", "440305002001", FIRE))
                .add(OnCallInForce.allDay("centre-" + RUN, "centre", "440305002", CENTRE));
        HttpResponse<String> put = first.put("/api/v1/oncall/schedules", new JsonObject().put("schedules", schedules)
                .encode(), admin);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        for (String person : List.of(FIRE, CENTRE)) {
            HttpResponse<String> contacts = first.put("/api/v1/oncall/people/" + person,
                    "{\"channels\":[\"terminal\"]}", admin);
            assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
        }
        second = instance("b");
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

    @Test
    void aChainThatNobodyAnswersReachesEveryoneOnceWithBothInstancesRunningTheTimers() throws Exception {
        String hotline = TestTokens.builder().subject("hotline-" + RUN).roles("service").cells(SmallCity.DISTRICT).sign();
        try (TestSubscriber terminals = TestSubscriber.subscribe(backends.brokerUrl(), "grid/v1/workers/+/alerts")) {
            // a category no other test raises, so in CI's shared database no open event of the cell is joined
            HttpResponse<String> raised = first.post("/api/v1/events", "{\"category\":\"fire_hazard\",\"severity\":"
                    + "\"RED\",\"cell\":\"" + SmallCity.EAST_CELL + "\",\"reporter\":\"caller-" + RUN + "\"}", hotline);
            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
            String event = new JsonObject(raised.body()).getString("id");
            ItDatabase database = backends.database();
            String ofEvent = "SELECT alert_id::text FROM alert_event WHERE event_id = ?::uuid";
            await().atMost(WAIT).until(() -> !database.texts(ofEvent, event).isEmpty());
            String alertId = database.texts(ofEvent, event).get(0);
            await().atMost(WAIT).until(() -> "exhausted".equals(database.texts("SELECT state FROM alert WHERE id = ?::uuid",
                    alertId).get(0)));
            List<String> recorded = database.texts("SELECT person_id || ' ' || kind || ' ' || step || ' ' || round "
                    + "FROM alert_recipient WHERE alert_id = ?::uuid ORDER BY id", alertId);
            await().atMost(WAIT).until(() -> messagesOf(terminals, alertId).size() >= recorded.size());
            Thread.sleep(2_000); // anything sent twice would have arrived by now

            List<String> received = messagesOf(terminals, alertId).stream().map(m -> m.getString("person") + " "
                    + m.getString("kind") + " " + m.getInteger("step") + " " + m.getInteger("round")).toList();
            Map<String, Long> times = received.stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(times).as("each message once").allSatisfy((message, count) -> assertThat(count).isOne());
            assertThat(received).as("what the terminals got is what was recorded")
                    .containsExactlyInAnyOrderElementsOf(recorded);
            // the default RED policy: cell workers, the department's on-call, the leader, the street centre, the
            // district centre; twice (cell workers and leaders of a shared CI database may be told too)
            assertThat(recorded).as("two rounds of the fire on-call and the street centre").contains(
                    FIRE + " alert 2 1", CENTRE + " alert 4 1", FIRE + " alert 2 2", CENTRE + " alert 4 2");
            assertThat(recorded).filteredOn(r -> r.startsWith(FIRE + " reminder")).as("reminded as the chain left").isNotEmpty();
            // one terminal delivery per message, each sent (workers of a shared CI database have the browser too)
            assertThat(database.texts("SELECT count(*)::text FROM alert_delivery WHERE alert_id = ?::uuid "
                    + "AND channel = 'terminal' AND state = 'sent'", alertId))
                    .containsExactly(Integer.toString(recorded.size()));
            // a shared database keeps no open event of ours
            first.post("/api/v1/events/" + event + "/transitions", "{\"action\":\"refuse\",\"note\":\"test over\"}",
                    TestTokens.dispatcher(SmallCity.DISTRICT));
        }
    }

    private static List<JsonObject> messagesOf(TestSubscriber terminals, String alertId) {
        return terminals.received().stream().map(JsonObject::new).filter(m -> alertId.equals(m.getString("alertId")))
                .toList();
    }

    private static ServiceProcess instance(String name) {
        return backends.instance(name, Map.of("GRID_ALERTS_ACK_DEADLINE_RED", "3s", "GRID_ALERTS_SCAN", "500ms"));
    }
}
