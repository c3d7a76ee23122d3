package city.gridcommand.grid;

import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.Department;
import city.gridcommand.geo.Cell;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.GridImport;
import city.gridcommand.geo.GridProblem;
import city.gridcommand.geo.check.GeometryRepair;
import city.gridcommand.geo.check.GridRepair;
import city.gridcommand.geo.check.GridReport;
import city.gridcommand.geo.check.GridValidator;
import city.gridcommand.geo.geojson.GeoJsonGridReader;
import city.gridcommand.geo.geojson.GridLimits;
import city.gridcommand.locate.GridMap;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.oncall.Schedule;
import city.gridcommand.oncall.ScheduleWriter;
import city.gridcommand.sim.DemoCity;
import city.gridcommand.sim.DemoCityPlan;
import city.gridcommand.sim.DemoOnCall;
import city.gridcommand.store.Await;
import city.gridcommand.store.DeviceRepository;
import city.gridcommand.store.GridRepository;
import city.gridcommand.store.OnCallRepository;
import city.gridcommand.store.WorkerRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Imports grids (parse within the limits, repair when asked, validate, store as a new version, index,
 * swap in), previews them without storing, and puts the stored grid in force at start, loading the demo
 * city first when so configured and the database has no grid. Blocking: call it from a worker thread.
 *
 * <p>A large grid takes seconds to read and index and its index is built beside the one in force, so
 * only one put in force runs at a time ({@code inForce}): the start and an import hold it from reading or
 * storing the grid to swapping it in, and following another instance's imports skips a round while
 * they do, and waits for the start to finish. A grid whose version is already in force is not built again.
 */
@ApplicationScoped
public class GridService {

    private static final Logger LOG = Logger.getLogger(GridService.class);

    private final GridRepository grids;
    private final DeviceRepository devices;
    private final WorkerRepository workers;
    private final OnCallRepository onCall;
    private final CategoryCatalogue catalogue;
    private final LiveGrid liveGrid;
    private final GridSettings settings;
    private final GridValidator validator = new GridValidator();
    private final GeoJsonGridReader reader;
    private final GridRepair gridRepair;
    private final Counter indexBuilds;
    /** Held from reading or storing a grid until it is in force; see the class comment. */
    private final ReentrantLock inForce = new ReentrantLock();
    /** Whether the start has put the stored grid (if any) in force: until then there is nothing to follow. */
    private volatile boolean started;

    /** What checking an import body gave: the import as it would be stored, its report and its repairs. */
    private record Checked(GridImport imported, GridReport report, List<GeometryRepair> repairs) {
    }

    GridService(GridRepository grids, DeviceRepository devices, WorkerRepository workers, OnCallRepository onCall,
            CategoryCatalogue catalogue, LiveGrid liveGrid, GridSettings settings, GridImportSettings importSettings,
            MeterRegistry registry) {
        this.grids = grids;
        this.devices = devices;
        this.workers = workers;
        this.onCall = onCall;
        this.catalogue = catalogue;
        this.liveGrid = liveGrid;
        this.settings = settings;
        this.reader = new GeoJsonGridReader(new GridLimits(importSettings.maxFeatures(), importSettings.maxVertices(),
                importSettings.maxFeatureVertices()));
        this.gridRepair = new GridRepair(importSettings.maxRepairAreaChange());
        this.indexBuilds = Counter.builder("grid.index.builds")
                .description("Grid versions this instance has indexed and put in force").register(registry);
    }

    /** Puts the stored grid in force, loading the demo city first when so configured and none is stored. */
    public void putInForceAtStart() {
        inForce.lock();
        try {
            Grid grid = Await.result(grids.current());
            if (grid == null && settings.enabled()) {
                grid = loadDemoCity();
            }
            if (grid != null) {
                putInForce(grid);
            }
        } finally {
            started = true;
            inForce.unlock();
        }
    }

    /**
     * Another instance may have imported a grid: every few seconds each instance compares the current
     * version with the one in force and loads the newer one.
     */
    @Scheduled(every = "${grid.grids.refresh}", delayed = "${grid.grids.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followImports() {
        // the start, or an import, is putting a grid in force: look again next round rather than read it twice
        if (!started || !inForce.tryLock()) {
            return;
        }
        try {
            Long stored = Await.result(grids.currentVersion());
            if (stored != null && stored != versionInForce()) {
                Grid grid = Await.result(grids.current());
                if (grid != null) {
                    putInForce(grid);
                }
            }
        } finally {
            inForce.unlock();
        }
    }

    /**
     * Validates a GeoJSON FeatureCollection, after repairing its invalid polygons when {@code repair},
     * and, if it has no errors, makes it the current grid.
     *
     * @throws GridRefusedException listing every problem; nothing is changed
     * @throws city.gridcommand.geo.geojson.GridTooLargeException over the feature or vertex limit
     */
    public GridImported importGrid(byte[] geoJson, boolean repair) {
        Checked checked = check(geoJson, repair);
        if (!checked.report().ok()) {
            throw new GridRefusedException(checked.report(), checked.repairs(), repair);
        }
        List<Cell> cells = checked.imported().cellList();
        // the versions list tells an import whose cells were repaired from one stored as sent
        String source = checked.repairs().isEmpty() ? "import" : "repaired";
        long version;
        inForce.lock();
        try {
            version = Await.result(grids.replace(cells, source, json(checked.report().warnings())));
            putInForce(new Grid(version, cells));
        } finally {
            inForce.unlock();
        }
        return new GridImported(version, cells.size(), checked.report().warnings(), checked.repairs());
    }

    /** What {@link #importGrid} would do with this body, storing nothing. */
    public GridPreview preview(byte[] geoJson, boolean repair) {
        Checked checked = check(geoJson, repair);
        return new GridPreview(checked.report().ok(), checked.imported().cells().size(), checked.report(),
                checked.repairs());
    }

    private Checked check(byte[] geoJson, boolean repairAsked) {
        GridImport imported = reader.read(geoJson);
        List<GeometryRepair> repairs = List.of();
        if (repairAsked) {
            GridRepair.Repaired repaired = gridRepair.repair(imported);
            imported = repaired.imported();
            repairs = repaired.repairs();
        }
        return new Checked(imported, validator.validate(imported), repairs);
    }

    private Grid loadDemoCity() {
        // the simulator generates the same city from the same default seed, so their ids match
        DemoCity city = DemoCity.generate(DemoCityPlan.scaledTo(settings.baseCells()));
        GridReport report = validator.validate(city.cells());
        if (!report.ok()) {
            throw new IllegalStateException("the demo city does not validate: " + report.errors().get(0));
        }
        long version = Await.result(grids.replace(city.cells(), "demo", json(report.warnings())));
        Await.result(devices.saveAll(city.devices()));
        Await.result(workers.saveAll(city.workers()));
        // its on-call schedules, unless some were stored already (then they are the city's, not the demo's)
        List<Schedule> schedules = DemoOnCall.schedules(city, catalogue.departments().stream().map(Department::code).toList());
        long onCallVersion = Await.result(onCall.replaceSchedules(ScheduleWriter.toJson(schedules), "demo", 0));
        LOG.infof("loaded the demo city: %d cells, %d devices, %d workers, %s on-call schedules (grid version %d)",
                city.cells().size(), city.devices().size(), city.workers().size(),
                onCallVersion > 0 ? Integer.toString(schedules.size()) : "no (some were stored already)", version);
        return new Grid(version, city.cells());
    }

    /** Indexes the grid and swaps it in, unless its version is already in force. Hold {@code inForce}. */
    private void putInForce(Grid grid) {
        if (grid.version() == versionInForce()) {
            return;
        }
        long start = System.nanoTime();
        GridMap map = GridMap.of(grid);
        liveGrid.swap(grid, map);
        indexBuilds.increment();
        LOG.infof("grid version %d in force: %d cells, indexed in %d ms", grid.version(), grid.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private long versionInForce() {
        return liveGrid.snapshot().grid().version();
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
