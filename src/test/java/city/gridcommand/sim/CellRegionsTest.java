package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class CellRegionsTest {

    @Test
    void aRowOfCellsSplitsIntoRunsOfNeighbours() {
        List<Cell> row = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            row.add(square(i + 1, i, 0));
        }
        List<List<String>> regions = CellRegions.split(codes(row), 3, CellAdjacency.of(row));

        assertThat(regions).containsExactly(List.of("001", "002", "003"), List.of("004", "005", "006"),
                List.of("007", "008", "009"));
    }

    @Test
    void aDetachedPartGoesWholeToTheSmallestRegion() {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cells.add(square(i + 1, i, 0));
        }
        cells.add(square(7, 20, 0));
        cells.add(square(8, 21, 0));

        List<List<String>> regions = CellRegions.split(codes(cells), 2, CellAdjacency.of(cells));

        assertThat(regions.stream().mapToInt(List::size).sum()).isEqualTo(8);
        assertThat(regions).anySatisfy(region -> assertThat(region).contains("007", "008"));
    }

    private static List<String> codes(List<Cell> cells) {
        return cells.stream().map(Cell::code).toList();
    }

    private static Cell square(int code, int x, int y) {
        return new Cell(CityMap.threeDigits(code), "cell " + code, CellLevel.GRID, CellKind.BASE, null,
                Polygons.FACTORY.toGeometry(new Envelope(x, x + 1, y, y + 1)), null);
    }
}
