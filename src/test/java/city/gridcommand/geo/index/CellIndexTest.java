package city.gridcommand.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.SyntheticGrid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The locate rule on small hand-drawn grids (x = longitude, y = latitude, in degrees). */
class CellIndexTest {

    private static final String COMMUNITY = "440305001001";

    @Test
    void onASharedSideTheLowerCodeWinsWhereverItLies() {
        CellIndex index = index(base("002", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                base("001", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"));

        assertThat(index.locate(0.5, 1).baseCell()).isEqualTo(COMMUNITY + "001");
        assertThat(index.locate(0.5, 0.999).baseCell()).isEqualTo(COMMUNITY + "002");
        assertThat(index.locate(0.5, 1.001).baseCell()).isEqualTo(COMMUNITY + "001");
    }

    @Test
    void whereFourCellsMeetTheLowestCodeWins() {
        CellIndex index = index(base("004", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                base("002", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"), base("003", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"),
                base("005", "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))"));

        assertThat(index.locate(1, 1).baseCell()).isEqualTo(COMMUNITY + "002");
        assertThat(index.locate(1.5, 1).baseCell()).isEqualTo(COMMUNITY + "003");
        assertThat(index.locate(1, 0.5).baseCell()).isEqualTo(COMMUNITY + "004");
    }

    @Test
    void aHoleIsNotPartOfItsCellButItsRingIs() {
        CellIndex index = index(base("001", "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))"),
                base("002", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"), base("003", "POLYGON ((3 0, 6 0, 6 3, 3 3, 3 0),"
                        + " (4 1, 5 1, 5 2, 4 2, 4 1))"));

        assertThat(index.locate(1.5, 1.5).baseCell()).as("in the filled hole").isEqualTo(COMMUNITY + "002");
        assertThat(index.locate(1.5, 1).baseCell()).as("on the hole's ring").isEqualTo(COMMUNITY + "001");
        assertThat(index.locate(1.5, 4.5)).as("in the empty hole").isSameAs(CellLocation.OUTSIDE);
        assertThat(index.locate(1.5, 4).baseCell()).as("on the empty hole's ring").isEqualTo(COMMUNITY + "003");
    }

    @Test
    void reportsEverySpecialAndOverlayCellInCodeOrderEvenOutsideTheBaseCells() {
        CellIndex index = index(base("001", "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"),
                cell(COMMUNITY + "902", CellLevel.GRID, CellKind.SPECIAL, COMMUNITY, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                cell(COMMUNITY + "901", CellLevel.GRID, CellKind.SPECIAL, COMMUNITY, "POLYGON ((0 0, 1 0, 0 1, 0 0))"),
                cell("440305998", CellLevel.STREET, CellKind.OVERLAY, "440305", "POLYGON ((-1 0, 5 0, 5 5, -1 5, -1 0))"),
                cell("440305997", CellLevel.STREET, CellKind.OVERLAY, "440305", "POLYGON ((0.5 0, 5 0, 5 1, 0.5 1, 0.5 0))"));

        CellLocation inAll = index.locate(0.2, 0.6);
        assertThat(inAll.baseCell()).isEqualTo(COMMUNITY + "001");
        assertThat(inAll.path()).containsExactly("440305", "440305001", COMMUNITY, COMMUNITY + "001");
        assertThat(inAll.special()).containsExactly(COMMUNITY + "901", COMMUNITY + "902");
        assertThat(inAll.overlay()).containsExactly("440305997", "440305998");

        CellLocation beyond = index.locate(0.5, 3);
        assertThat(beyond.outside()).isTrue();
        assertThat(beyond.path()).isEmpty();
        assertThat(beyond.overlay()).containsExactly("440305997", "440305998");
    }

    @Test
    void pointsInNoCellOrNotNumbersAreOutside() {
        CellIndex index = index(base("001", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"));

        assertThat(index.locate(5, 5)).isSameAs(CellLocation.OUTSIDE);
        assertThat(index.locate(-0.001, 0.5)).isSameAs(CellLocation.OUTSIDE);
        assertThat(index.locate(Double.NaN, 0.5)).isSameAs(CellLocation.OUTSIDE);
        assertThat(index.locate(0.5, Double.POSITIVE_INFINITY)).isSameAs(CellLocation.OUTSIDE);
        assertThat(CellIndex.build(Grid.empty()).locate(0.5, 0.5)).isSameAs(CellLocation.OUTSIDE);
    }

    @Test
    void pointsOfOneCellShareOneAnswer() {
        Grid grid = SyntheticGrid.baseOnly(20, 20, 1);
        CellIndex index = CellIndex.build(grid);
        Cell cell = grid.cells().stream().filter(Cell::isBaseCell).skip(77).findFirst().orElseThrow();
        var inside = cell.geometry().getInteriorPoint().getCoordinate();
        var centre = cell.geometry().getCentroid().getCoordinate();

        CellLocation first = index.locate(inside.y, inside.x);
        assertThat(first.baseCell()).isEqualTo(cell.code());
        assertThat(first.path()).containsExactlyElementsOf(grid.path(cell.code()));
        assertThat(index.locate(centre.y, centre.x)).isSameAs(first);
    }

    private static CellIndex index(Cell... cells) {
        List<Cell> all = new ArrayList<>(List.of(cells));
        String everywhere = "POLYGON ((-10 -10, 10 -10, 10 10, -10 10, -10 -10))";
        all.add(cell("440305", CellLevel.DISTRICT, CellKind.BASE, null, everywhere));
        all.add(cell("440305001", CellLevel.STREET, CellKind.BASE, "440305", everywhere));
        all.add(cell(COMMUNITY, CellLevel.COMMUNITY, CellKind.BASE, "440305001", everywhere));
        return CellIndex.build(new Grid(1, all));
    }

    private static Cell base(String last, String wkt) {
        return cell(COMMUNITY + last, CellLevel.GRID, CellKind.BASE, COMMUNITY, wkt);
    }

    private static Cell cell(String code, CellLevel level, CellKind kind, String parent, String wkt) {
        return new Cell(code, code, level, kind, parent, geometry(wkt), null);
    }

    private static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
