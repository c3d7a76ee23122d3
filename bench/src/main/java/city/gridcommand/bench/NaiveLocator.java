package city.gridcommand.bench;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The baseline: the locator one would write first, an STRtree of the cells' envelopes and a
 * PreparedGeometry per cell, with the same rule as CellIndex (closed cells, lowest base code wins).
 */
final class NaiveLocator {

    private record Entry(Cell cell, PreparedGeometry prepared) {
    }

    private final Grid grid;
    private final STRtree tree = new STRtree();
    private final GeometryFactory factory = new GeometryFactory();

    NaiveLocator(Grid grid) {
        this.grid = grid;
        for (Cell cell : grid.cells()) {
            if (cell.isBaseCell() || cell.kind() == CellKind.SPECIAL || cell.kind() == CellKind.OVERLAY) {
                tree.insert(cell.geometry().getEnvelopeInternal(),
                        new Entry(cell, PreparedGeometryFactory.prepare(cell.geometry())));
            }
        }
        tree.build();
    }

    CellLocation locate(double lat, double lon) {
        Point point = factory.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked") // STRtree stores Objects; only Entry values are inserted
        List<Entry> hits = new ArrayList<>(tree.query(new Envelope(lon, lon, lat, lat)));
        hits.sort(Comparator.comparing(entry -> entry.cell().code()));
        String base = null;
        List<String> special = new ArrayList<>(2);
        List<String> overlay = new ArrayList<>(2);
        for (Entry hit : hits) {
            if (!hit.prepared().covers(point)) {
                continue;
            }
            Cell cell = hit.cell();
            if (cell.isBaseCell()) {
                base = base == null ? cell.code() : base;
            } else {
                (cell.kind() == CellKind.SPECIAL ? special : overlay).add(cell.code());
            }
        }
        return new CellLocation(base, base == null ? List.of() : grid.path(base), special, overlay);
    }
}
