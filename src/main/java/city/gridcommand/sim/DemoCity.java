package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellAttributes;
import city.gridcommand.registry.Device;
import city.gridcommand.registry.Worker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A made-up but realistic city to run the service against: district 440305 around Shenzhen Nanshan with
 * its streets, communities, base, special and overlay cells, its sensors and cameras, and its people. The
 * same plan always gives the same city, down to the last coordinate bit.
 */
public final class DemoCity {

    private final DemoCityPlan plan;
    private final List<Cell> cells;
    private final List<Device> devices;
    private final List<Worker> workers;
    private final Map<String, Cell> byCode;
    private final CellAdjacency adjacency;
    private final Map<String, String> deviceCells;

    private DemoCity(DemoCityPlan plan, List<Cell> cells, DevicePlanter.Planted devices, List<Worker> workers,
            CellAdjacency adjacency) {
        this.plan = plan;
        this.cells = List.copyOf(cells);
        this.devices = List.copyOf(devices.devices());
        this.deviceCells = Map.copyOf(devices.cells());
        this.workers = List.copyOf(workers);
        this.adjacency = adjacency;
        this.byCode = new HashMap<>(cells.size() * 2);
        cells.forEach(cell -> byCode.put(cell.code(), cell));
    }

    /** The standard demo city ({@link DemoCityPlan#standard()}). */
    public static DemoCity standard() {
        return generate(DemoCityPlan.standard());
    }

    public static DemoCity generate(DemoCityPlan plan) {
        SplittableRandom random = new SplittableRandom(plan.seed());
        CityMap map = CityMap.lay(plan, random.split());
        SpecialCells special = SpecialCells.place(map.communities, plan, random.split());
        CellAdjacency adjacency = CellAdjacency.of(map.baseCells);
        WorkerRoster roster = WorkerRoster.assign(map, adjacency, plan, random.split());
        List<Cell> markets = special.cells().stream().filter(c -> special.use(c) == SpecialCells.Use.MARKET).toList();
        DevicePlanter.Planted devices = DevicePlanter.plant(map.baseCells, markets, plan, random.split());

        List<Cell> cells = new ArrayList<>();
        cells.add(withAttributes(map.district, roster.attributes));
        map.streets.forEach(c -> cells.add(withAttributes(c, roster.attributes)));
        map.communities.forEach(c -> cells.add(withAttributes(c, roster.attributes)));
        map.baseCells.forEach(c -> cells.add(withAttributes(c, roster.attributes)));
        cells.addAll(special.cells());
        cells.addAll(map.policeBeats);
        return new DemoCity(plan, cells, devices, roster.workers, adjacency);
    }

    public DemoCityPlan plan() {
        return plan;
    }

    /**
     * Every cell: the district, its streets, communities and base cells (each level in code order), then the
     * special cells, then the overlay cells.
     */
    public List<Cell> cells() {
        return cells;
    }

    /** Every sensor and camera, each mounted inside a base cell. */
    public List<Device> devices() {
        return devices;
    }

    /** Grid workers, then cell leaders, then supervisors, each group in id order. */
    public List<Worker> workers() {
        return workers;
    }

    /** The cell with this code, or null. */
    public Cell cell(String code) {
        return byCode.get(code);
    }

    /** The code of the cell device {@code deviceId} is mounted in (a base cell, or a market's special cell). */
    String cellOf(String deviceId) {
        return deviceCells.get(deviceId);
    }

    /** The base cells touching each base cell. */
    CellAdjacency adjacency() {
        return adjacency;
    }

    private static Cell withAttributes(Cell cell, Map<String, CellAttributes> attributes) {
        return new Cell(cell.code(), cell.name(), cell.level(), cell.kind(), cell.parent(), cell.geometry(),
                attributes.get(cell.code()));
    }
}
