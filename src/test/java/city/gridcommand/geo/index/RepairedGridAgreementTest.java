package city.gridcommand.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.BruteForceLocator;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.GridFixture;
import city.gridcommand.geo.RepairCases;
import city.gridcommand.geo.check.GridRepair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A grid whose rings were repaired locates as the brute-force reference does, around the repairs most of all. */
class RepairedGridAgreementTest {

    private static final double STEP = RepairCases.STEP;

    @Test
    void agreesWithBruteForceAroundATwistedCornerAndAPinchedPocket() {
        GridRepair.Repaired repaired = new GridRepair(0.01)
                .repair(GridFixture.read(RepairCases.twistedCornerAndPinchedPocket()));
        Grid grid = new Grid(1, repaired.imported().cellList());
        CellIndex index = CellIndex.build(grid);
        BruteForceLocator reference = new BruteForceLocator(grid);
        List<double[]> points = new ArrayList<>(new TrickyPoints(grid, 17).take(20_000));
        double[][] chosen = {
            {RepairCases.MIDDLE - 0.55 * STEP, RepairCases.NORTH - 0.55 * STEP}, // in the twist's small lobe
            {RepairCases.MIDDLE - 0.1 * STEP, RepairCases.NORTH - 0.1 * STEP}, // in the corner no cell covers
            {RepairCases.MIDDLE + STEP, RepairCases.POCKET_LAT}, // in the pocket, now a hole
            {RepairCases.MIDDLE + 3 * STEP, RepairCases.POCKET_LAT}, // beside it, in the east cell
        };
        points.addAll(List.of(chosen));

        List<String> disagreements = new ArrayList<>();
        for (double[] p : points) {
            CellLocation expected = reference.locate(p[1], p[0]);
            CellLocation actual = index.locate(p[1], p[0]);
            if (!expected.equals(actual) && disagreements.size() < 10) {
                disagreements.add("lon=" + p[0] + " lat=" + p[1] + ": expected " + expected + " got " + actual);
            }
        }

        assertThat(disagreements).isEmpty();
        assertThat(index.locate(chosen[0][1], chosen[0][0]).baseCell()).isEqualTo("440305001001001");
        assertThat(index.locate(chosen[1][1], chosen[1][0]).outside()).isTrue();
        assertThat(index.locate(chosen[2][1], chosen[2][0]).outside()).isTrue();
        assertThat(index.locate(chosen[3][1], chosen[3][0]).baseCell()).isEqualTo("440305001001002");
    }
}
