package city.gridcommand.sim;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;

/** Where to cross from one cell into a neighbour: the middle of the longest stretch of boundary they share. */
final class SharedEdges {

    /** A segment midpoint this close (in degrees, about 0.1 mm) to the other cell lies on its boundary. */
    private static final double ON_BOUNDARY = 1e-9;

    private SharedEdges() {
    }

    /**
     * The crossing point: the midpoint of the longest boundary segment of either cell that lies on the
     * other's boundary; cells that only meet at a corner (or not at all) cross at their nearest points.
     */
    static Coordinate crossing(Geometry from, Geometry to) {
        Coordinate best = longestSharedMidpoint(from, to);
        if (best == null) {
            best = longestSharedMidpoint(to, from);
        }
        if (best == null) {
            Coordinate[] nearest = DistanceOp.nearestPoints(from, to);
            best = new Coordinate((nearest[0].x + nearest[1].x) / 2, (nearest[0].y + nearest[1].y) / 2);
        }
        return best;
    }

    private static Coordinate longestSharedMidpoint(Geometry cell, Geometry other) {
        Coordinate best = null;
        double bestLength = 0;
        for (int p = 0; p < cell.getNumGeometries(); p++) {
            LineString ring = ((Polygon) cell.getGeometryN(p)).getExteriorRing();
            for (int i = 1; i < ring.getNumPoints(); i++) {
                Coordinate a = ring.getCoordinateN(i - 1);
                Coordinate b = ring.getCoordinateN(i);
                double length = a.distance(b);
                Coordinate middle = new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
                if (length > bestLength && other.distance(Polygons.FACTORY.createPoint(middle)) < ON_BOUNDARY) {
                    best = middle;
                    bestLength = length;
                }
            }
        }
        return best;
    }
}
