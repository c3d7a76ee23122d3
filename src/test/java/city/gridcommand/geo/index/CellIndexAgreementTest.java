package city.gridcommand.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.BruteForceLocator;
import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.SyntheticGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The index gives exactly the brute-force answer, on a synthetic grid with every awkward shape and point. */
class CellIndexAgreementTest {

    private static Grid grid;
    private static BruteForceLocator bruteForce;

    @BeforeAll
    static void grid() {
        grid = SyntheticGrid.generate(48, 40, 7);
        bruteForce = new BruteForceLocator(grid);
    }

    @Test
    void theSyntheticGridIsValidAndCodedAsTheContractSays() {
        for (Cell cell : grid.cells()) {
            assertThat(cell.geometry().isValid()).as("valid geometry of %s", cell.code()).isTrue();
            if (cell.parent() != null) {
                assertThat(cell.code()).as("code of %s", cell.code()).startsWith(cell.parent()).hasSize(
                        cell.parent().length() + 3);
                assertThat(cell.level().ordinal()).isEqualTo(grid.cell(cell.parent()).level().ordinal() + 1);
            }
        }
        assertThat(grid.cells()).extracting(Cell::kind).contains(CellKind.SPECIAL, CellKind.OVERLAY);
        assertThat(grid.cells()).anyMatch(c -> c.isBaseCell() && c.geometry().getNumGeometries() == 2);
        assertThat(grid.cells()).anyMatch(c -> c.isBaseCell() && c.geometry().toText().contains("), ("));
    }

    @Test
    void agreesWithBruteForceOnAHundredThousandPoints() {
        CellIndex index = CellIndex.build(grid);
        List<double[]> points = new TrickyPoints(grid, 11).take(100_000);

        assertThat(disagreements(index, points)).isEmpty();
        // The points reached every kind of answer and the index used its cheap leaves.
        List<CellLocation> answers = points.stream().map(p -> index.locate(p[1], p[0])).toList();
        assertThat(answers).anyMatch(CellLocation::outside).anyMatch(a -> a.outside() && !a.overlay().isEmpty())
                .anyMatch(a -> !a.special().isEmpty()).anyMatch(a -> a.overlay().size() > 1);
        assertThat(index.stats().segmentLeaves()).isPositive();
        assertThat(index.stats().starLeaves()).isPositive();
    }

    static Stream<Arguments> treeShapes() {
        return Stream.of(Arguments.of(0.02, 0), Arguments.of(0.2, 1), Arguments.of(0.5, 2), Arguments.of(4.0, 5));
    }

    @ParameterizedTest
    @MethodSource("treeShapes")
    void agreesWithBruteForceWhateverTheShapeOfTheTree(double bucketsPerVertex, int maxDepth) {
        CellIndex index = CellIndex.build(grid, new CellIndex.Tuning(bucketsPerVertex, maxDepth));

        assertThat(disagreements(index, new TrickyPoints(grid, 13).take(30_000))).isEmpty();
        if (maxDepth < 2) {
            assertThat(index.stats().mixedLeaves()).as("exercises mixed leaves").isPositive();
        }
    }

    @Test
    void agreesOnAGridOfPlainCellsOnly() {
        Grid plain = SyntheticGrid.baseOnly(30, 20, 3);
        CellIndex index = CellIndex.build(plain);
        BruteForceLocator reference = new BruteForceLocator(plain);
        for (double[] p : new TrickyPoints(plain, 5).take(20_000)) {
            assertThat(index.locate(p[1], p[0])).isEqualTo(reference.locate(p[1], p[0]));
        }
    }

    private static List<String> disagreements(CellIndex index, List<double[]> points) {
        List<String> found = new ArrayList<>();
        for (double[] p : points) {
            CellLocation expected = bruteForce.locate(p[1], p[0]);
            CellLocation actual = index.locate(p[1], p[0]);
            if (!expected.equals(actual) && found.size() < 10) {
                found.add("lon=" + p[0] + " lat=" + p[1] + ": expected " + expected + " got " + actual);
            }
        }
        return found;
    }
}
