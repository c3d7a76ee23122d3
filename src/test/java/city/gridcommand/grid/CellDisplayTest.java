package city.gridcommand.grid;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Grid;
import city.gridcommand.geo.GridFixture;
import city.gridcommand.locate.GridMap;
import city.gridcommand.locate.LiveGrid;
import org.junit.jupiter.api.Test;

/** The children for a map are made once per grid version, cell and tolerance, and made again for a new grid. */
class CellDisplayTest {

    @Test
    void keptPerVersionCellAndTolerance() throws Exception {
        Grid first = new Grid(1, GridFixture.read(GridFixture.nanshan()).cellList());
        LiveGrid live = new LiveGrid(first, GridMap.of(first));
        CellDisplay display = new CellDisplay(live);
        String district = first.cells().get(0).code();

        byte[] once = display.children(district, 0.0001).orElseThrow();
        assertThat(display.children(district, 0.0001).orElseThrow()).isSameAs(once);
        assertThat(display.children(district, 0.001).orElseThrow()).isNotSameAs(once);
        assertThat(display.children("999", 0.0001)).isEmpty();

        Grid second = new Grid(2, first.cells());
        live.swap(second, GridMap.of(second));
        byte[] again = display.children(district, 0.0001).orElseThrow();
        assertThat(again).isNotSameAs(once);
        assertThat(GridFixture.JSON.readTree(again).get("version").asLong()).isEqualTo(2);
    }
}
