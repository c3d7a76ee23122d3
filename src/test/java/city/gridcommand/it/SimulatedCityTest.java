package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.geo.BruteForceLocator;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.geojson.GeoJsonGridWriter;
import city.gridcommand.registry.Device;
import city.gridcommand.sim.CityLife;
import city.gridcommand.sim.DemoCity;
import city.gridcommand.sim.SimulateOptions;
import city.gridcommand.sim.Simulator;
import city.gridcommand.store.DeviceRepository;
import city.gridcommand.registry.SenderDirectory;
import city.gridcommand.store.WorkerRepository;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The demo city imported over REST and its life simulated over MQTT into the service: every stored
 * signal carries the cell path that a brute-force scan of all cells gives for its position (its own,
 * or its device's registered one).
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class SimulatedCityTest {

    private static final int MESSAGES = 3000;

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
    void everyStoredSignalHasTheCellPathABruteForceScanGives() throws InterruptedException {
        DemoCity city = DemoCity.standard();
        byte[] geoJson = new GeoJsonGridWriter().write(0, city.cells());
        // importing the grid is the admin's job
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(geoJson).put("/api/v1/grids")
                .then().statusCode(200);
        devices.saveAll(city.devices()).toCompletableFuture().join();
        workers.saveAll(city.workers()).toCompletableFuture().join();
        registry.reload();
        long start = System.currentTimeMillis();

        Simulator.Summary summary = Simulator.run(new CityLife(city, 7),
                SimulateOptions.parse("--url=" + brokerUrl, "--rate=1500", "--messages=" + MESSAGES),
                new PrintStream(OutputStream.nullOutputStream()));
        assertThat(summary.clean()).as("every simulated message acknowledged by the broker").isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stored(start)).isEqualTo(MESSAGES));

        BruteForceLocator truth = new BruteForceLocator(new Grid(1, city.cells()));
        Map<String, Device> byId = city.devices().stream().collect(Collectors.toMap(Device::id, Function.identity()));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Row row : rows(start)) {
            Double lat = row.getDouble("lat");
            Double lon = row.getDouble("lon");
            if (lat == null) {
                Device device = byId.get(row.getString("sender"));
                lat = device.position().lat();
                lon = device.position().lon();
            }
            CellLocation expected = truth.locate(lat, lon);
            List<String> stored = List.of(row.getArrayOfStrings("cell_path"));
            if (!stored.equals(expected.storedPath()) || !java.util.Objects.equals(row.getString("cell"), expected.baseCell())) {
                mismatches.add(row.getString("feed") + " " + row.getString("sender") + " at " + lat + "," + lon
                        + ": stored " + stored + ", expected " + expected.storedPath());
            }
            checked++;
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(MESSAGES);
    }

    private long stored(long since) {
        long n = 0;
        for (Row row : pool.preparedQuery("SELECT count(*) FROM (" + UNION + ") s").execute(Tuple.of(since))
                .toCompletionStage().toCompletableFuture().join()) {
            n = row.getLong(0);
        }
        return n;
    }

    private Iterable<Row> rows(long since) {
        return pool.preparedQuery(UNION).execute(Tuple.of(since)).toCompletionStage().toCompletableFuture().join();
    }

    /** Every feed the simulator publishes that carries a position (its own or its device's). */
    private static final String UNION = """
            SELECT 'telemetry' AS feed, device_id AS sender, lat, lon, cell, cell_path FROM telemetry WHERE received_at >= $1
            UNION ALL SELECT 'detection', camera_id, lat, lon, cell, cell_path FROM detection WHERE received_at >= $1
            UNION ALL SELECT 'position', worker_id, lat, lon, cell, cell_path FROM worker_position WHERE received_at >= $1
            UNION ALL SELECT 'report', worker_id, lat, lon, cell, cell_path FROM worker_report WHERE received_at >= $1
            UNION ALL SELECT 'status', device_id, NULL, NULL, cell, cell_path FROM device_status WHERE received_at >= $1""";
}
