package city.gridcommand.grid;

import city.gridcommand.geo.Grid;
import city.gridcommand.geo.GridImport;
import city.gridcommand.geo.GridProblem;
import city.gridcommand.geo.check.GridReport;
import city.gridcommand.geo.check.GridValidator;
import city.gridcommand.geo.geojson.GeoJsonGridReader;
import city.gridcommand.locate.GridMap;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.sim.DemoCity;
import city.gridcommand.store.Await;
import city.gridcommand.store.DeviceRepository;
import city.gridcommand.store.GridRepository;
import city.gridcommand.store.WorkerRepository;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Imports grids (parse, validate, store as a new version, index, swap in) and puts the stored grid in
 * force at start, loading the demo city first when so configured and the database has no grid.
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class GridService {

    private static final Logger LOG = Logger.getLogger(GridService.class);

    private final GridRepository grids;
    private final DeviceRepository devices;
    private final WorkerRepository workers;
    private final LiveGrid liveGrid;
    private final GridSettings settings;
    private final GridValidator validator = new GridValidator();
    private final GeoJsonGridReader reader = new GeoJsonGridReader();

    GridService(GridRepository grids, DeviceRepository devices, WorkerRepository workers, LiveGrid liveGrid,
            GridSettings settings) {
        this.grids = grids;
        this.devices = devices;
        this.workers = workers;
        this.liveGrid = liveGrid;
        this.settings = settings;
    }

    /** Puts the stored grid in force, loading the demo city first when so configured and none is stored. */
    public void putInForceAtStart() {
        Grid grid = Await.result(grids.current());
        if (grid == null && settings.enabled()) {
            grid = loadDemoCity();
        }
        if (grid != null) {
            putInForce(grid);
        }
    }

    /**
     * Another instance may have imported a grid: every few seconds each instance compares the current
     * version with the one in force and loads the newer one.
     */
    @Scheduled(every = "${grid.grids.refresh}", delayed = "${grid.grids.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followImports() {
        Long stored = Await.result(grids.currentVersion());
        if (stored != null && stored != liveGrid.snapshot().grid().version()) {
            Grid grid = Await.result(grids.current());
            if (grid != null && grid.version() != liveGrid.snapshot().grid().version()) {
                putInForce(grid);
            }
        }
    }

    /** Validates a GeoJSON FeatureCollection and, if it has no errors, makes it the current grid. */
    public GridImported importGrid(byte[] geoJson) {
        GridImport imported = reader.read(geoJson);
        GridReport report = validator.validate(imported);
        if (!report.ok()) {
            throw new GridRefusedException(report);
        }
        long version = Await.result(grids.replace(imported.cellList(), "import", json(report.warnings())));
        putInForce(new Grid(version, imported.cellList()));
        return new GridImported(version, imported.cellList().size(), report.warnings());
    }

    private Grid loadDemoCity() {
        // the simulator generates the same city from the same default seed, so their ids match
        DemoCity city = DemoCity.standard();
        GridReport report = validator.validate(city.cells());
        if (!report.ok()) {
            throw new IllegalStateException("the demo city does not validate: " + report.errors().get(0));
        }
        long version = Await.result(grids.replace(city.cells(), "demo", json(report.warnings())));
        Await.result(devices.saveAll(city.devices()));
        Await.result(workers.saveAll(city.workers()));
        LOG.infof("loaded the demo city: %d cells, %d devices, %d workers (grid version %d)", city.cells().size(),
                city.devices().size(), city.workers().size(), version);
        return new Grid(version, city.cells());
    }

    private synchronized void putInForce(Grid grid) {
        long started = System.nanoTime();
        GridMap map = GridMap.of(grid);
        liveGrid.swap(grid, map);
        LOG.infof("grid version %d in force: %d cells, indexed in %d ms", grid.version(), grid.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    static JsonArray json(List<GridProblem> problems) {
        JsonArray array = new JsonArray();
        for (GridProblem p : problems) {
            array.add(new JsonObject().put("type", p.type().wireName()).put("feature", p.feature())
                    .put("code", p.code()).put("other", p.other()).put("areaSquareMetres", p.areaSquareMetres())
                    .put("detail", p.detail()));
        }
        return array;
    }
}
