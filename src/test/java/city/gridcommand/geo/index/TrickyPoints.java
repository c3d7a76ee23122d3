package city.gridcommand.geo.index;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Points where a locator is most likely to go wrong, taken from a grid's own geometry: its vertices,
 * points exactly on its sides (a fraction k/8 along a side whose ends are multiples of 2^-24 degree, which
 * is exact), points a hair off a side, points inside holes, random points over the grid and beyond it, and
 * points far outside.
 */
final class TrickyPoints {

    private final Random random;
    private final List<Coordinate[]> rings = new ArrayList<>();
    private final List<LinearRing> holes = new ArrayList<>();
    private final Envelope extent = new Envelope();

    TrickyPoints(Grid grid, long seed) {
        this.random = new Random(seed);
        for (Cell cell : grid.cells()) {
            Geometry geometry = cell.geometry();
            extent.expandToInclude(geometry.getEnvelopeInternal());
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Polygon polygon = (Polygon) geometry.getGeometryN(i);
                rings.add(polygon.getExteriorRing().getCoordinates());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    holes.add(polygon.getInteriorRingN(h));
                    rings.add(polygon.getInteriorRingN(h).getCoordinates());
                }
            }
        }
    }

    /** n points as {lon, lat} pairs. */
    List<double[]> take(int n) {
        List<double[]> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double roll = random.nextDouble();
            if (roll < 0.35) {
                points.add(uniform(0.05));
            } else if (roll < 0.50) {
                points.add(vertex());
            } else if (roll < 0.75) {
                points.add(onSide());
            } else if (roll < 0.82) {
                points.add(nearSide());
            } else if (roll < 0.92 && !holes.isEmpty()) {
                points.add(inHole());
            } else {
                points.add(uniform(2.0));
            }
        }
        return points;
    }

    private double[] uniform(double widen) {
        double x = extent.getMinX() - widen * extent.getWidth() + random.nextDouble() * (1 + 2 * widen) * extent.getWidth();
        double y = extent.getMinY() - widen * extent.getHeight()
                + random.nextDouble() * (1 + 2 * widen) * extent.getHeight();
        return new double[] {x, y};
    }

    private double[] vertex() {
        Coordinate[] ring = rings.get(random.nextInt(rings.size()));
        Coordinate c = ring[random.nextInt(ring.length)];
        return new double[] {c.x, c.y};
    }

    private double[] onSide() {
        Coordinate[] ring = rings.get(random.nextInt(rings.size()));
        int i = random.nextInt(ring.length - 1);
        Coordinate a = ring[i];
        Coordinate b = ring[i + 1];
        int k = 1 + random.nextInt(7);
        return new double[] {a.x + (b.x - a.x) * k / 8, a.y + (b.y - a.y) * k / 8};
    }

    private double[] nearSide() {
        double[] p = onSide();
        double hair = 1e-12 * (random.nextBoolean() ? 1 : -1);
        return random.nextBoolean() ? new double[] {p[0] + hair, p[1]} : new double[] {p[0], p[1] + hair};
    }

    private double[] inHole() {
        Envelope hole = holes.get(random.nextInt(holes.size())).getEnvelopeInternal();
        return new double[] {hole.getMinX() + random.nextDouble() * hole.getWidth(),
            hole.getMinY() + random.nextDouble() * hole.getHeight()};
    }
}
