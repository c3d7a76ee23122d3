package city.gridcommand.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * A jittered lattice of (cols + 1) × (rows + 1) points near Shenzhen, some lattice sides bent by an extra
 * vertex, from which {@link SyntheticGrid} cuts irregular cells that share their sides exactly. Every
 * coordinate is a multiple of 2^-24 degree, so a point a fraction k/2^m of the way along any side is
 * exactly representable and exactly on that side.
 */
public final class SyntheticLattice {

    static final double ORIGIN_LON = 113.90;
    static final double ORIGIN_LAT = 22.50;
    /** Lattice spacing: about 100 m. */
    static final double SPACING = 1.0 / 1024;
    private static final double QUANTUM = 1.0 / (1 << 24);
    /** Every 8th lattice line is left straight, so that many sides are exactly horizontal or vertical. */
    private static final int STRAIGHT_EVERY = 8;

    final GeometryFactory factory = new GeometryFactory();
    final int cols;
    final int rows;
    private final Coordinate[][] points;
    /** The extra vertex of the side from point (i, j) to (i + 1, j), or null. */
    private final Coordinate[][] bendsAlongX;
    /** The extra vertex of the side from point (i, j) to (i, j + 1), or null. */
    private final Coordinate[][] bendsAlongY;

    SyntheticLattice(int cols, int rows, Random random) {
        this.cols = cols;
        this.rows = rows;
        points = new Coordinate[cols + 1][rows + 1];
        for (int i = 0; i <= cols; i++) {
            for (int j = 0; j <= rows; j++) {
                boolean fixX = i == 0 || i == cols || i % STRAIGHT_EVERY == 0;
                boolean fixY = j == 0 || j == rows || j % STRAIGHT_EVERY == 0;
                double x = ORIGIN_LON + i * SPACING + (fixX ? 0 : jitter(random, 0.25));
                double y = ORIGIN_LAT + j * SPACING + (fixY ? 0 : jitter(random, 0.25));
                points[i][j] = at(x, y);
            }
        }
        bendsAlongX = new Coordinate[cols][rows + 1];
        bendsAlongY = new Coordinate[cols + 1][rows];
        for (int i = 0; i <= cols; i++) {
            for (int j = 0; j <= rows; j++) {
                if (i < cols && random.nextDouble() < 0.3) {
                    bendsAlongX[i][j] = bend(points[i][j], points[i + 1][j], random);
                }
                if (j < rows && random.nextDouble() < 0.3) {
                    bendsAlongY[i][j] = bend(points[i][j], points[i][j + 1], random);
                }
            }
        }
    }

    /** A coordinate rounded to the lattice's quantum. */
    static Coordinate at(double x, double y) {
        return new Coordinate(Math.rint(x / QUANTUM) * QUANTUM, Math.rint(y / QUANTUM) * QUANTUM);
    }

    Coordinate point(int i, int j) {
        return points[i][j];
    }

    /** The cell (i, j) of the lattice: its four corners and any bends, counter-clockwise. */
    Polygon cell(int i, int j) {
        return block(i, j, i + 1, j + 1);
    }

    /** The outline of the block of cells [i0, i1) × [j0, j1), following the same sides as its cells. */
    Polygon block(int i0, int j0, int i1, int j1) {
        List<Coordinate> ring = new ArrayList<>();
        for (int i = i0; i < i1; i++) {
            add(ring, points[i][j0], bendsAlongX[i][j0]);
        }
        for (int j = j0; j < j1; j++) {
            add(ring, points[i1][j], bendsAlongY[i1][j]);
        }
        for (int i = i1; i > i0; i--) {
            add(ring, points[i][j1], bendsAlongX[i - 1][j1]);
        }
        for (int j = j1; j > j0; j--) {
            add(ring, points[i0][j], bendsAlongY[i0][j - 1]);
        }
        ring.add(new Coordinate(ring.get(0)));
        return factory.createPolygon(ring.toArray(new Coordinate[0]));
    }

    /** The ring of cell (i, j)'s corners pulled toward its centre to the given fraction: a hole or an island. */
    LinearRing shrunk(int i, int j, double fraction) {
        Coordinate[] corners = {points[i][j], points[i + 1][j], points[i + 1][j + 1], points[i][j + 1]};
        double cx = 0;
        double cy = 0;
        for (Coordinate c : corners) {
            cx += c.x / 4;
            cy += c.y / 4;
        }
        Coordinate[] ring = new Coordinate[5];
        for (int k = 0; k < 4; k++) {
            ring[k] = at(cx + (corners[k].x - cx) * fraction, cy + (corners[k].y - cy) * fraction);
        }
        ring[4] = new Coordinate(ring[0]);
        return factory.createLinearRing(ring);
    }

    /** A diamond of the given radius (in lattice spacings) around lattice point (i, j). */
    Polygon diamond(int i, int j, double radius) {
        Coordinate c = points[i][j];
        double r = radius * SPACING;
        return factory.createPolygon(new Coordinate[] {at(c.x, c.y - r), at(c.x + r, c.y), at(c.x, c.y + r),
            at(c.x - r, c.y), at(c.x, c.y - r)});
    }

    private static void add(List<Coordinate> ring, Coordinate corner, Coordinate bend) {
        ring.add(new Coordinate(corner));
        if (bend != null) {
            ring.add(new Coordinate(bend));
        }
    }

    /** The side's midpoint pushed sideways by up to 12% of the spacing. */
    private static Coordinate bend(Coordinate a, Coordinate b, Random random) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double length = Math.hypot(dx, dy);
        double offset = jitter(random, 0.12);
        return at((a.x + b.x) / 2 - dy / length * offset, (a.y + b.y) / 2 + dx / length * offset);
    }

    private static double jitter(Random random, double fraction) {
        return (random.nextDouble() * 2 - 1) * fraction * SPACING;
    }
}
