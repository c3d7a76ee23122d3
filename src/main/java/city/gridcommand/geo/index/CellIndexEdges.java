package city.gridcommand.geo.index;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Every boundary segment of the indexed cells (shells and holes), each with the cell it bounds. Where no
 * segment meets a region, every cell is wholly inside or wholly outside it: the fact the index is built on.
 */
final class CellIndexEdges {

    final double[] x1;
    final double[] y1;
    final double[] x2;
    final double[] y2;
    final int[] cell;

    private CellIndexEdges(CellIndexArrays.Doubles coordinates, CellIndexArrays.Ints cells) {
        int n = cells.size();
        x1 = new double[n];
        y1 = new double[n];
        x2 = new double[n];
        y2 = new double[n];
        for (int e = 0; e < n; e++) {
            x1[e] = coordinates.get(4 * e);
            y1[e] = coordinates.get(4 * e + 1);
            x2[e] = coordinates.get(4 * e + 2);
            y2[e] = coordinates.get(4 * e + 3);
        }
        cell = cells.toArray();
    }

    static CellIndexEdges of(CellIndexCells cells) {
        CellIndexArrays.Doubles coordinates = new CellIndexArrays.Doubles();
        CellIndexArrays.Ints owners = new CellIndexArrays.Ints();
        for (int c = 0; c < cells.size(); c++) {
            Geometry geometry = cells.geometries[c];
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                    addRing(polygon.getExteriorRing().getCoordinateSequence(), c, coordinates, owners);
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        addRing(polygon.getInteriorRingN(h).getCoordinateSequence(), c, coordinates, owners);
                    }
                }
            }
        }
        return new CellIndexEdges(coordinates, owners);
    }

    int size() {
        return cell.length;
    }

    /**
     * Whether segment {@code e} meets the closed rectangle, decided exactly: the boxes overlap and the four
     * corners are not all strictly on one side of the segment's line (separating axes of two convex shapes).
     */
    boolean meets(int e, double minX, double minY, double maxX, double maxY) {
        double ax = x1[e];
        double ay = y1[e];
        double bx = x2[e];
        double by = y2[e];
        if (Math.max(ax, bx) < minX || Math.min(ax, bx) > maxX || Math.max(ay, by) < minY
                || Math.min(ay, by) > maxY) {
            return false;
        }
        int a = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, minX, minY);
        int b = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, maxX, minY);
        int c = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, maxX, maxY);
        int d = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, minX, maxY);
        return !((a > 0 && b > 0 && c > 0 && d > 0) || (a < 0 && b < 0 && c < 0 && d < 0));
    }

    /** Whether segments {@code e} and {@code f} join the same two points, in either direction. */
    boolean sameSegment(int e, int f) {
        boolean forward = x1[e] == x1[f] && y1[e] == y1[f] && x2[e] == x2[f] && y2[e] == y2[f];
        return forward || (x1[e] == x2[f] && y1[e] == y2[f] && x2[e] == x1[f] && y2[e] == y1[f]);
    }

    private static void addRing(CoordinateSequence ring, int cell, CellIndexArrays.Doubles coordinates,
            CellIndexArrays.Ints owners) {
        for (int i = 1; i < ring.size(); i++) {
            double ax = ring.getX(i - 1);
            double ay = ring.getY(i - 1);
            double bx = ring.getX(i);
            double by = ring.getY(i);
            if (ax == bx && ay == by) {
                continue; // a repeated point adds no boundary
            }
            coordinates.add(ax);
            coordinates.add(ay);
            coordinates.add(bx);
            coordinates.add(by);
            owners.add(cell);
        }
    }
}
