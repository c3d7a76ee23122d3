package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.geo.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The invariant checks catch what they claim to: each broken city below must fail them. */
class CityInvariantsTest {

    /** About 5 m at Shenzhen, in degrees. */
    private static final double FIVE_METRES = 0.00005;

    private final DemoCity city = StandardCity.get();

    @Test
    void aBaseCellSpillingIntoItsNeighboursFails() {
        assertThatThrownBy(() -> CityInvariants.assertAll(changeFirstBaseCell(
                c -> withGeometry(c, c.geometry().buffer(FIVE_METRES))))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("m²");
    }

    @Test
    void aBaseCellLeavingAGapFails() {
        assertThatThrownBy(() -> CityInvariants.assertAll(changeFirstBaseCell(
                c -> withGeometry(c, c.geometry().buffer(-FIVE_METRES))))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("children of");
    }

    @Test
    void aCodeThatIsNotItsParentsCodeFails() {
        assertThatThrownBy(() -> CityInvariants.assertAll(changeFirstBaseCell(
                c -> new Cell("440305999001001", c.name(), c.level(), c.kind(), c.parent(), c.geometry(),
                        c.attributes())))).isInstanceOf(AssertionError.class);
    }

    private List<Cell> changeFirstBaseCell(UnaryOperator<Cell> change) {
        List<Cell> cells = new ArrayList<>(city.cells());
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isBaseCell()) {
                cells.set(i, change.apply(cells.get(i)));
                return cells;
            }
        }
        throw new IllegalStateException("no base cell");
    }

    private static Cell withGeometry(Cell cell, org.locationtech.jts.geom.Geometry geometry) {
        return new Cell(cell.code(), cell.name(), cell.level(), cell.kind(), cell.parent(), geometry,
                cell.attributes());
    }
}
