package city.gridcommand.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.gridcommand.geo.Cell;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.sim.DemoCity;
import city.gridcommand.sim.DemoCityPlan;
import city.gridcommand.store.Await;
import city.gridcommand.store.DeviceRepository;
import city.gridcommand.store.GridRepository;
import city.gridcommand.store.GridRepository.GridVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code grid.demo.base-cells} sizes the demo city the service loads on a first start, as the simulator's
 * {@code --base-cells} sizes the city it plays (the benchmarks load the 100,000-cell city this way).
 */
@QuarkusTest
@TestProfile(DemoCitySizeTest.SmallDemoCity.class)
class DemoCitySizeTest {

    static final int BASE_CELLS = 40;

    /** The demo city on, at 40 base cells. */
    public static class SmallDemoCity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grid.demo.enabled", "true", "grid.demo.base-cells", Integer.toString(BASE_CELLS));
        }
    }

    @Inject
    LiveGrid grid;

    @Inject
    GridRepository grids;

    @Inject
    DeviceRepository devices;

    @Test
    void theDemoCityHasTheConfiguredNumberOfBaseCells() {
        List<GridVersion> versions = Await.result(grids.versions());
        // a shared database (.ci/run) may hold a grid from an earlier start: then no demo city was loaded
        assumeTrue(versions.stream().anyMatch(v -> v.current() && v.source().equals("demo")),
                "the demo city was loaded at this start");
        DemoCity expected = DemoCity.generate(DemoCityPlan.scaledTo(BASE_CELLS));

        List<String> inForce = grid.snapshot().grid().cells().stream().map(Cell::code).sorted().toList();
        assertThat(inForce).isEqualTo(expected.cells().stream().map(Cell::code).sorted().toList());
        assertThat(inForce.size()).isLessThan(DemoCity.standard().cells().size());
        String someDevice = expected.devices().get(expected.devices().size() - 1).id();
        assertThat(Await.result(devices.find(someDevice))).isNotNull();
    }
}
