package city.gridcommand.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The locate rule of {@link CellIndex}, the slow obvious way: every cell of the grid tested with
 * {@code Geometry.covers}, the first covering base cell in code order winning. The reference the index is
 * checked against.
 */
public final class BruteForceLocator {

    private final Grid grid;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Envelope> envelopes = new ArrayList<>();
    private final GeometryFactory factory = new GeometryFactory();

    public BruteForceLocator(Grid grid) {
        this.grid = grid;
        for (Cell cell : grid.cells()) {
            if (cell.isBaseCell() || cell.kind() == CellKind.SPECIAL || cell.kind() == CellKind.OVERLAY) {
                cells.add(cell);
                envelopes.add(cell.geometry().getEnvelopeInternal());
            }
        }
    }

    public CellLocation locate(double lat, double lon) {
        Point point = factory.createPoint(new Coordinate(lon, lat));
        String base = null;
        List<String> special = new ArrayList<>();
        List<String> overlay = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            // The envelope test only skips cells that cannot cover the point; covers() decides.
            if (!envelopes.get(i).covers(lon, lat) || !cell.geometry().covers(point)) {
                continue;
            }
            if (cell.isBaseCell()) {
                base = base == null ? cell.code() : base; // cells come in ascending code order
            } else if (cell.kind() == CellKind.SPECIAL) {
                special.add(cell.code());
            } else {
                overlay.add(cell.code());
            }
        }
        List<String> path = base == null ? List.of() : grid.path(base);
        return new CellLocation(base, path, special, overlay);
    }
}
