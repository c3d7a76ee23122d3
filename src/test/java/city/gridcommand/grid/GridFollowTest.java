package city.gridcommand.grid;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.locate.CellMap;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.sim.DemoCity;
import city.gridcommand.sim.DemoCityPlan;
import city.gridcommand.store.Await;
import city.gridcommand.store.GridRepository;
import city.gridcommand.testing.GridTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A grid version is read and indexed once per instance: following the imports while the start (or another
 * put in force) is under way, or after it, does not build the index of the same version a second time
 * (at 100,000 cells a second build beside the first needed more than 512 MiB).
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class GridFollowTest {

    @Inject
    GridService service;

    @Inject
    GridRepository grids;

    @Inject
    LiveGrid liveGrid;

    @Inject
    MeterRegistry registry;

    /** Stores a new version as another instance's import would: stored, current, not yet in force here. */
    private long storeAnotherInstancesImport() {
        DemoCity city = DemoCity.generate(DemoCityPlan.scaledTo(40));
        return Await.result(grids.replace(city.cells(), "import", new JsonArray()));
    }

    private double builds() {
        return registry.get("grid.index.builds").counter().count();
    }

    @Test
    void theStartAndTheFollowUpAfterItBuildAStoredVersionOnce() {
        long version = storeAnotherInstancesImport();
        double before = builds();

        service.putInForceAtStart();
        CellMap built = liveGrid.snapshot().map();
        service.followImports();
        service.putInForceAtStart();

        assertThat(liveGrid.snapshot().grid().version()).isEqualTo(version);
        assertThat(liveGrid.snapshot().map()).isSameAs(built);
        // the scheduled follow-up may have been the one to build it; either way it was built once
        assertThat(builds() - before).isEqualTo(1.0);
    }

    @Test
    void followUpsRacingTheStartBuildAStoredVersionOnce() throws Exception {
        long version = storeAnotherInstancesImport();
        double before = builds();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            done.add(threads.submit(() -> {
                go.await();
                service.putInForceAtStart();
                return null;
            }));
            for (int i = 0; i < 3; i++) {
                done.add(threads.submit(() -> {
                    go.await();
                    for (int round = 0; round < 20; round++) {
                        service.followImports();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(liveGrid.snapshot().grid().version()).isEqualTo(version);
        assertThat(builds() - before).isEqualTo(1.0);
    }
}
