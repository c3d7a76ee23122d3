package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Cell;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

class PatrolTest {

    private static final long STEP = 5_000;
    private static final long HALF_A_DAY = 12 * 3_600_000L;

    private final DemoCity city = StandardCity.get();
    private final WorkerAreas areas = new WorkerAreas(city);

    @Test
    void aGridWorkerWalksThroughMostOfTheirCellsInHalfADayWithoutLeavingThem() {
        Worker worker = first(WorkerRole.WORKER);
        List<Cell> cells = worker.cells().stream().map(city::cell).toList();
        Patrol patrol = new Patrol(cells, city.adjacency(), new SplittableRandom(3));
        Set<String> visited = new HashSet<>();
        Coordinate previous = patrol.position();

        for (long t = 0; t < HALF_A_DAY; t += STEP) {
            patrol.advance(STEP);
            Coordinate at = patrol.position();
            assertThat(areas.metresOutside(worker.id(), at.x, at.y)).as("at %s", at).isLessThan(1);
            assertThat(Polygons.metres(previous, at)).as("a walk, not a jump").isLessThan(1.4 * STEP / 1000 + 0.01);
            cells.stream().filter(c -> c.geometry().covers(point(at))).forEach(c -> visited.add(c.code()));
            previous = at;
        }
        assertThat(visited.size()).isGreaterThanOrEqualTo(cells.size() * 8 / 10);
    }

    @Test
    void leadersAndSupervisorsPatrolTheBaseCellsUnderTheirCommunityOrStreet() {
        for (WorkerRole role : List.of(WorkerRole.LEADER, WorkerRole.SUPERVISOR)) {
            Worker worker = first(role);
            String under = worker.cells().get(0);
            List<Cell> cells = city.cells().stream().filter(c -> c.isBaseCell() && c.code().startsWith(under))
                    .toList();
            Patrol patrol = new Patrol(cells, city.adjacency(), new SplittableRandom(5));
            for (long t = 0; t < HALF_A_DAY; t += STEP) {
                patrol.advance(STEP);
                Coordinate at = patrol.position();
                assertThat(areas.metresOutside(worker.id(), at.x, at.y)).as("%s at %s", role, at).isLessThan(1);
            }
        }
    }

    @Test
    void aSingleCellAreaIsPatrolledInPlace() {
        Cell cell = city.cells().stream().filter(Cell::isBaseCell).findFirst().orElseThrow();
        Patrol patrol = new Patrol(List.of(cell), city.adjacency(), new SplittableRandom(9));

        for (long t = 0; t < 3_600_000; t += STEP) {
            patrol.advance(STEP);
            assertThat(cell.geometry().covers(point(patrol.position()))).isTrue();
        }
    }

    private Worker first(WorkerRole role) {
        return city.workers().stream().filter(w -> w.role() == role).findFirst().orElseThrow();
    }

    private static Point point(Coordinate at) {
        return Polygons.FACTORY.createPoint(at);
    }
}
