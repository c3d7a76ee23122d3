package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.ingest.DetectionKinds;
import city.gridcommand.registry.Device;
import city.gridcommand.registry.DeviceType;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKBWriter;

class DemoCityTest {

    private static final Envelope NANSHAN = new Envelope(113.88, 114.00, 22.48, 22.58);
    private static final Set<String> DEPARTMENTS = Set.of("dept-urban", "dept-fire", "dept-security", "dept-market",
            "dept-emergency");
    private static final Set<String> METRICS = Set.of("smoke", "temp", "pm25", "water_level", "noise");

    private final DemoCity city = StandardCity.get();

    @Test
    void theSamePlanGivesTheSameCityDownToTheBit() {
        DemoCity again = DemoCity.generate(DemoCityPlan.standard());

        assertThat(wkb(again.cells())).containsExactlyElementsOf(wkb(city.cells()));
        assertThat(again.cells()).isEqualTo(city.cells());
        assertThat(again.devices()).isEqualTo(city.devices());
        assertThat(again.workers()).isEqualTo(city.workers());
    }

    @Test
    void anotherSeedGivesAnotherCity() {
        DemoCity other = DemoCity.generate(DemoCityPlan.standard().withSeed(7));

        assertThat(wkb(other.cells())).isNotEqualTo(wkb(city.cells()));
        CityInvariants.assertAll(other);
    }

    @Test
    void theStandardCityHasTheAdvertisedSize() {
        assertThat(count(CellLevel.DISTRICT, CellKind.BASE)).isEqualTo(1);
        assertThat(count(CellLevel.STREET, CellKind.BASE)).isEqualTo(8);
        assertThat(count(CellLevel.COMMUNITY, CellKind.BASE)).isEqualTo(40);
        assertThat(count(CellLevel.GRID, CellKind.BASE)).isEqualTo(2_000);
        assertThat(count(CellLevel.GRID, CellKind.SPECIAL)).isEqualTo(8);
        assertThat(count(CellLevel.STREET, CellKind.OVERLAY)).isEqualTo(10);
        assertThat(city.devices()).hasSizeBetween(2_500, 3_500);
        assertThat(city.workers()).hasSizeBetween(80, 130);
        assertThat(city.cell("440305").name()).isEqualTo("南山区");
    }

    @Test
    void cellsPassWhatTheImportChecks() {
        CityInvariants.assertAll(city);
    }

    @Test
    void theDistrictLiesAroundNanshan() {
        assertThat(NANSHAN.contains(city.cell("440305").geometry().getEnvelopeInternal())).isTrue();
        assertThat(city.cell("440305").geometry().getNumPoints()).as("an irregular outline").isGreaterThan(50);
    }

    @Test
    void baseCellsHaveTheirPeople() {
        Map<String, Worker> workers = new HashMap<>();
        city.workers().forEach(w -> workers.put(w.id(), w));
        for (Cell cell : baseCells()) {
            assertThat(cell.attributes().households()).isBetween(300, 500);
            assertThat(cell.attributes().population()).isGreaterThan(cell.attributes().households());
            assertThat(cell.attributes().workers()).hasSize(1);
            Worker worker = workers.get(cell.attributes().workers().get(0));
            assertThat(worker.role()).isEqualTo(WorkerRole.WORKER);
            assertThat(worker.cells()).contains(cell.code());
            Worker leader = workers.get(cell.attributes().leader());
            assertThat(leader.role()).isEqualTo(WorkerRole.LEADER);
            assertThat(leader.cells()).containsExactly(cell.parent());
        }
    }

    @Test
    void everyBaseCellHasOneGridWorkerWhoseCellsAreContiguousInOneCommunity() {
        Set<String> assigned = new HashSet<>();
        for (Worker worker : city.workers()) {
            if (worker.role() == WorkerRole.WORKER) {
                assertThat(worker.cells()).isNotEmpty();
                assertThat(worker.cells()).allSatisfy(code -> assertThat(assigned.add(code)).as(code).isTrue());
                assertThat(worker.cells().stream().map(code -> city.cell(code).parent()).distinct()).hasSize(1);
                assertThat(connected(worker.cells())).as("cells of %s are contiguous", worker.id()).isTrue();
            }
        }
        assertThat(assigned).hasSize(2_000);
    }

    @Test
    void oneLeaderPerCommunityAndOneSupervisorPerStreet() {
        List<String> led = city.workers().stream().filter(w -> w.role() == WorkerRole.LEADER)
                .map(w -> w.cells().get(0)).toList();
        List<String> supervised = city.workers().stream().filter(w -> w.role() == WorkerRole.SUPERVISOR)
                .map(w -> w.cells().get(0)).toList();

        assertThat(led).doesNotHaveDuplicates().hasSize(40).allMatch(code -> code.length() == 12);
        assertThat(supervised).doesNotHaveDuplicates().hasSize(8).allMatch(code -> code.length() == 9);
    }

    @Test
    void devicesAreMountedInsideBaseCellsAndDescribeWhatTheyReport() {
        STRtree index = new STRtree();
        baseCells().forEach(c -> index.insert(c.geometry().getEnvelopeInternal(), c));
        assertThat(city.devices().stream().map(Device::id)).doesNotHaveDuplicates();
        for (Device device : city.devices()) {
            var point = Polygons.FACTORY.createPoint(
                    new org.locationtech.jts.geom.Coordinate(device.position().lon(), device.position().lat()));
            List<?> around = index.query(point.getEnvelopeInternal());
            assertThat(around).as(device.id()).anyMatch(c -> ((Cell) c).geometry().contains(point));
            assertThat(device.department()).isIn(DEPARTMENTS);
            assertThat(device.capabilities()).isNotEmpty();
            if (device.type() == DeviceType.SENSOR) {
                assertThat(device.capabilities()).allMatch(METRICS::contains);
            } else {
                assertThat(device.capabilities()).allMatch(DetectionKinds::isKnown);
            }
        }
        assertThat(city.devices()).anyMatch(d -> d.department().equals("dept-market"));
    }

    @Test
    void sensorsAreBehindTheirStreetsLoraConcentratorAndCamerasBehindItsVideoPlatformMarketsAlone() {
        for (Device device : city.devices()) {
            String street = city.cellOf(device.id()).substring(0, 9);
            if (device.department().equals("dept-market")) {
                assertThat(device.gateway()).as(device.id()).isNull();
            } else if (device.type() == DeviceType.SENSOR) {
                assertThat(device.gateway()).as(device.id()).isEqualTo("lora-" + street);
            } else {
                assertThat(device.gateway()).as(device.id()).isEqualTo("nvr-" + street);
            }
        }
        assertThat(city.devices().stream().map(Device::gateway).distinct().filter(g -> g != null))
                .hasSize(2 * 8).allMatch(g -> g.matches("[A-Za-z0-9._:-]{1,64}"));
    }

    @Test
    void theBenchmarkPlanScalesToOneHundredThousandBaseCells() {
        DemoCityPlan plan = DemoCityPlan.benchmark();

        assertThat(plan.baseCells()).isEqualTo(100_000);
        assertThat(plan.baseCells() / plan.communities()).isLessThan(CityMap.MAX_BASE_CELLS_PER_COMMUNITY / 2);
        assertThat(DemoCityPlan.scaledTo(2_000)).isEqualTo(DemoCityPlan.standard());
    }

    @Test
    void aScaledCityKeepsTheInvariants() {
        DemoCity larger = DemoCity.generate(DemoCityPlan.scaledTo(5_000).withSeed(11));

        assertThat(larger.cells().stream().filter(Cell::isBaseCell)).hasSize(5_000);
        CityInvariants.assertAll(larger);
    }

    private boolean connected(List<String> cells) {
        Set<String> within = new HashSet<>(cells);
        Set<String> reached = new HashSet<>(List.of(cells.get(0)));
        Deque<String> queue = new ArrayDeque<>(reached);
        while (!queue.isEmpty()) {
            for (String next : city.adjacency().neighbours(queue.poll())) {
                if (within.contains(next) && reached.add(next)) {
                    queue.add(next);
                }
            }
        }
        return reached.size() == cells.size();
    }

    private List<Cell> baseCells() {
        return city.cells().stream().filter(Cell::isBaseCell).toList();
    }

    private long count(CellLevel level, CellKind kind) {
        return city.cells().stream().filter(c -> c.level() == level && c.kind() == kind).count();
    }

    private static List<String> wkb(List<Cell> cells) {
        WKBWriter writer = new WKBWriter();
        return cells.stream().map(c -> c.code() + ":" + WKBWriter.toHex(writer.write(c.geometry()))).toList();
    }
}
