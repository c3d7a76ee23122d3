package city.gridcommand.geo.index;

import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.Cell;
import city.gridcommand.geo.Grid;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The cells a {@link CellIndex} answers with (base, special and overlay cells with an area), numbered
 * in ascending code order so that "lowest index" means "lowest code".
 */
final class CellIndexCells {

    static final byte BASE = 0;
    static final byte SPECIAL = 1;
    static final byte OVERLAY = 2;

    private static final int INTERIOR = 0;
    private static final int BOUNDARY = 1;
    private static final int EXTERIOR = 2;

    final Grid grid;
    final String[] codes;
    final byte[] kinds;
    final Geometry[] geometries;
    final Envelope[] envelopes;

    CellIndexCells(Grid grid) {
        this.grid = grid;
        List<Cell> indexed = new ArrayList<>();
        for (Cell cell : grid.cells()) { // already in ascending code order
            if (kindOf(cell) >= 0 && cell.geometry() != null && !cell.geometry().isEmpty()
                    && cell.geometry().getDimension() == 2) {
                indexed.add(cell);
            }
        }
        int n = indexed.size();
        codes = new String[n];
        kinds = new byte[n];
        geometries = new Geometry[n];
        envelopes = new Envelope[n];
        for (int i = 0; i < n; i++) {
            Cell cell = indexed.get(i);
            codes[i] = cell.code();
            kinds[i] = kindOf(cell);
            geometries[i] = cell.geometry();
            envelopes[i] = new Envelope(cell.geometry().getEnvelopeInternal());
        }
    }

    int size() {
        return codes.length;
    }

    boolean isBase(int cell) {
        return kinds[cell] == BASE;
    }

    /**
     * Whether the closed area of the cell covers the point (boundary included, holes excluded): the answer
     * of {@link Geometry#covers} for a point, computed without allocating (JTS's own locators allocate a
     * counter and envelope copies per call).
     */
    boolean covers(int cell, double x, double y) {
        if (!envelopes[cell].covers(x, y)) {
            return false;
        }
        Geometry geometry = geometries[cell];
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon && polygonCovers(polygon, x, y)) {
                return true;
            }
        }
        return false;
    }

    private static boolean polygonCovers(Polygon polygon, double x, double y) {
        int shell = ringLocation(polygon.getExteriorRing().getCoordinateSequence(), x, y);
        if (shell != INTERIOR) {
            return shell == BOUNDARY;
        }
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            int hole = ringLocation(polygon.getInteriorRingN(h).getCoordinateSequence(), x, y);
            if (hole != EXTERIOR) {
                return hole == BOUNDARY; // strictly inside a hole is outside the cell
            }
        }
        return true;
    }

    /**
     * Where the point lies relative to a closed ring: the ray-crossing rule of JTS's
     * {@code RayCrossingCounter}, step for step, with the same robust orientation predicate, so that it
     * agrees with {@code Geometry.covers} on every boundary point.
     */
    static int ringLocation(CoordinateSequence ring, double x, double y) {
        int crossings = 0;
        for (int i = 1; i < ring.size(); i++) {
            double x1 = ring.getX(i - 1);
            double y1 = ring.getY(i - 1);
            double x2 = ring.getX(i);
            double y2 = ring.getY(i);
            if (x1 < x && x2 < x) {
                continue;
            }
            if (x == x2 && y == y2) {
                return BOUNDARY;
            }
            if (y1 == y && y2 == y) {
                if (x >= Math.min(x1, x2) && x <= Math.max(x1, x2)) {
                    return BOUNDARY;
                }
                continue;
            }
            if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y)) {
                int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, x, y);
                if (orient == 0) {
                    return BOUNDARY;
                }
                if (y2 < y1) {
                    orient = -orient; // count the segment as if it ran upwards
                }
                if (orient > 0) {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1 ? INTERIOR : EXTERIOR;
    }

    /** The envelope of every indexed cell (null when there is none). */
    Envelope extent() {
        if (envelopes.length == 0) {
            return null;
        }
        Envelope all = new Envelope();
        for (Envelope envelope : envelopes) {
            all.expandToInclude(envelope);
        }
        return all;
    }

    private static byte kindOf(Cell cell) {
        if (cell.isBaseCell()) {
            return BASE;
        }
        if (cell.kind() == CellKind.SPECIAL) {
            return SPECIAL;
        }
        return cell.kind() == CellKind.OVERLAY ? OVERLAY : -1;
    }
}
