package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.geo.BruteForceLocator;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.geojson.GeoJsonGridWriter;
import city.gridcommand.registry.Device;
import city.gridcommand.registry.SenderDirectory;
import city.gridcommand.sim.CityLife;
import city.gridcommand.sim.DemoCity;
import city.gridcommand.sim.SimulateOptions;
import city.gridcommand.sim.Simulator;
import city.gridcommand.store.DeviceRepository;
import city.gridcommand.store.WorkerRepository;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.SmallCityInForce;
import city.gridcommand.testing.TestSubscriber;
import city.gridcommand.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The demo city's life simulated with two gateways ({@code simulate --gateways=2}: the first street's LoRa
 * concentrator and its video platform) against the real service: their devices' readings arrive in batches and
 * are stored and located as if each device had sent them alone; the concentrator dies once without a
 * DISCONNECT, the broker publishes its last will, and its sensors go offline (a device_fault in each of their
 * cells) until it comes back online and brings them back.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class SimulatedGatewaysTest {

    private static final int MESSAGES = 6000;
    private static final String LORA = "lora-440305001";
    private static final String NVR = "nvr-440305001";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "grid.mqtt.url")
    String brokerUrl;

    @Inject
    Pool pool;

    @Inject
    DeviceRepository devices;

    @Inject
    WorkerRepository workers;

    @Inject
    SenderDirectory registry;

    @Test
    void readingsComeThroughGatewaysAndTheOneThatDiedTookItsDevicesOfflineAndBroughtThemBack() throws Exception {
        DemoCity city = DemoCity.standard();
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(new GeoJsonGridWriter().write(0, city.cells()))
                .put("/api/v1/grids").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(SmallCityInForce.defaultRules())
                .put("/api/v1/rules").then().statusCode(200);
        devices.saveAll(city.devices()).toCompletableFuture().join();
        workers.saveAll(city.workers()).toCompletableFuture().join();
        registry.reload();
        List<String> sensors = behind(city, LORA);
        List<String> cameras = behind(city, NVR);
        long start = System.currentTimeMillis();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Simulator.Summary summary;
        try (TestSubscriber statuses = TestSubscriber.subscribe(brokerUrl, "grid/v1/gateways/" + LORA + "/status")) {
            summary = Simulator.run(new CityLife(city, 11), SimulateOptions.parse("--url=" + brokerUrl,
                    "--rate=1500", "--messages=" + MESSAGES, "--gateways=2"),
                    new PrintStream(progress, true, StandardCharsets.UTF_8));

            assertThat(summary.clean()).as("every message acknowledged: " + progress).isTrue();
            assertThat(summary.gateways().readings()).isPositive();
            assertThat(summary.gateways().lost()).as("readings of the dead concentrator's sensors").isPositive();
            assertThat(progress.toString(StandardCharsets.UTF_8)).contains("gateway " + LORA + " died at city time")
                    .contains("gateway " + LORA + " is back at city time");
            // born, its will (stamped with its connect time) when its line was cut, born again
            await().atMost(WAIT).untilAsserted(() -> assertThat(ownStates(statuses.received(), start)).hasSize(3));
            List<JsonNode> states = ownStates(statuses.received(), start);
            assertThat(states).extracting(s -> s.get("online").asBoolean()).containsExactly(true, false, true);
            assertThat(states.get(1).get("ts").asLong()).isEqualTo(states.get(0).get("ts").asLong());
            assertThat(states.get(2).get("ts").asLong()).isGreaterThan(states.get(1).get("ts").asLong());
        }

        // every reading of a batch stored, and located where its device is mounted
        await().atMost(WAIT).untilAsserted(() -> assertThat(readingsStored(start, sensors, cameras))
                .isEqualTo(summary.gateways().readings()));
        BruteForceLocator truth = new BruteForceLocator(new Grid(1, city.cells()));
        Map<String, Device> byId = city.devices().stream().collect(Collectors.toMap(Device::id, Function.identity()));
        List<String> mismatches = new ArrayList<>();
        for (Row row : query(READINGS + " ORDER BY 1", start, sensors, cameras)) {
            Device device = byId.get(row.getString("sender"));
            CellLocation expected = truth.locate(device.position().lat(), device.position().lon());
            if (!expected.baseCell().equals(row.getString("cell"))
                    || !List.of(row.getArrayOfStrings("cell_path")).equals(expected.storedPath())) {
                mismatches.add(device.id() + " stored in " + row.getString("cell") + ", mounted in "
                        + expected.baseCell());
            }
        }
        assertThat(mismatches).isEmpty();

        // the will took every sensor behind the concentrator offline, and its return brought every one back
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(statusOf(start, sensors, false)).containsExactlyInAnyOrderElementsOf(sensors);
            assertThat(statusOf(start, sensors, true)).containsExactlyInAnyOrderElementsOf(sensors);
        });
        // the cameras' video platform never died
        assertThat(statusOf(start, cameras, false)).isEmpty();
        // and the registry shows the concentrator with its sensors, online again
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath gateway = given().auth().oauth2(admin).get("/api/v1/gateways/" + LORA).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(gateway.getList("devices", String.class)).containsExactlyInAnyOrderElementsOf(sensors);
            assertThat(gateway.getBoolean("status.online")).isTrue();
            assertThat(gateway.getLong("status.ts")).isGreaterThan(start);
        });

        // and the silence rule raised a device fault in each of their cells
        Set<String> cells = new HashSet<>();
        sensors.forEach(id -> cells.add(truth.locate(byId.get(id).position().lat(), byId.get(id).position().lon())
                .baseCell()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(faultCells(start)).containsAll(cells));
    }

    private static List<String> behind(DemoCity city, String gateway) {
        List<String> ids = city.devices().stream().filter(d -> gateway.equals(d.gateway())).map(Device::id).toList();
        assertThat(ids).as("devices behind " + gateway).isNotEmpty();
        return ids;
    }

    /** The gateway's own states (not its device lists) published since {@code since}, in order. */
    private static List<JsonNode> ownStates(List<String> payloads, long since) throws Exception {
        List<JsonNode> states = new ArrayList<>();
        for (String payload : payloads) {
            JsonNode json = JSON.readTree(payload);
            if (json.has("online") && json.get("ts").asLong() >= since) {
                states.add(json);
            }
        }
        return states;
    }

    private long readingsStored(long since, List<String> sensors, List<String> cameras) {
        long n = 0;
        for (Row row : query("SELECT count(*) FROM (" + READINGS + ") r", since, sensors, cameras)) {
            n = row.getLong(0);
        }
        return n;
    }

    /** The devices among {@code ids} with a status row of {@code online} received since {@code since}. */
    private Set<String> statusOf(long since, List<String> ids, boolean online) {
        Set<String> found = new HashSet<>();
        for (Row row : pool.preparedQuery("SELECT DISTINCT device_id FROM device_status WHERE received_at >= $1"
                + " AND device_id = ANY($2) AND online = $3")
                .execute(Tuple.of(since, ids.toArray(String[]::new), online)).toCompletionStage().toCompletableFuture()
                .join()) {
            found.add(row.getString(0));
        }
        return found;
    }

    private Set<String> faultCells(long since) {
        Set<String> cells = new HashSet<>();
        for (Row row : pool.preparedQuery("SELECT DISTINCT cell FROM event WHERE category = 'device_fault'"
                + " AND updated_at >= $1").execute(Tuple.of(since)).toCompletionStage().toCompletableFuture().join()) {
            cells.add(row.getString(0));
        }
        return cells;
    }

    private Iterable<Row> query(String sql, long since, List<String> sensors, List<String> cameras) {
        return pool.preparedQuery(sql).execute(Tuple.of(since, sensors.toArray(String[]::new),
                cameras.toArray(String[]::new))).toCompletionStage().toCompletableFuture().join();
    }

    /** The readings of the gateways' devices: the concentrator's sensors' telemetry, the platform's detections. */
    private static final String READINGS = """
            SELECT device_id AS sender, cell, cell_path FROM telemetry WHERE received_at >= $1 AND device_id = ANY($2)
            UNION ALL SELECT camera_id, cell, cell_path FROM detection WHERE received_at >= $1 AND camera_id = ANY($3)""";
}
