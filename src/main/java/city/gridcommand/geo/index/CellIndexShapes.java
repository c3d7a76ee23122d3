package city.gridcommand.geo.index;

import city.gridcommand.geo.index.CellIndexRaster.Rect;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;

/**
 * Leaves of a {@link CellIndex} cut by boundaries in a simple way, answered with a few exact orientation
 * tests instead of point-in-polygon tests. A <b>segment</b> leaf is crossed by one boundary segment (often
 * shared by two cells): left of it, right of it, or on it. A <b>star</b> leaf holds one vertex, and every
 * boundary in it is a ray from that vertex: the rays cut it into wedges, each wholly inside the same cells.
 * A point on a ray or on the vertex is covered by every cell that covers a neighbouring wedge.
 *
 * <p>A segment is {@code [ax, ay, bx, by, left, right, on]} in the {@code double[]} of shapes, the
 * location numbers stored as doubles so that the leaf reads one place. A star is
 * {@code [k, offset of its points, then per ray (wedge << 2 | kind + 1, ray), vertex]} in an
 * {@code int[]}, its points {@code [vx, vy, p0x, p0y, …]} in the shapes; wedge i runs counter-clockwise
 * from ray i to ray i + 1 (kind: see {@link #inWedge}).
 */
final class CellIndexShapes {

    /** Where to try a wedge's sample point along its bisector, as fractions of the leaf's half-size. */
    private static final double[] SAMPLE_REACH = {0.5, 0.25, 0.1, 0.03, 0.01, 1e-3, 1e-4, 1e-6};

    private CellIndexShapes() {
    }

    // ---- answering

    static int segment(double[] shapes, int at, double x, double y) {
        int side = CGAlgorithmsDD.orientationIndex(shapes[at], shapes[at + 1], shapes[at + 2], shapes[at + 3], x, y);
        return (int) shapes[at + (side > 0 ? 4 : side < 0 ? 5 : 6)];
    }

    static int star(int[] stars, double[] shapes, int at, double x, double y) {
        int k = stars[at];
        int points = stars[at + 1];
        double vx = shapes[points];
        double vy = shapes[points + 1];
        int o0 = CGAlgorithmsDD.orientationIndex(vx, vy, shapes[points + 2], shapes[points + 3], x, y);
        int oi = o0;
        for (int i = 0; i < k; i++) {
            int next = i + 1 < k
                    ? CGAlgorithmsDD.orientationIndex(vx, vy, shapes[points + 4 + 2 * i], shapes[points + 5 + 2 * i], x, y)
                    : o0;
            int wedge = stars[at + 2 + 2 * i];
            if (inWedge((wedge & 3) - 1, oi, next)) {
                return wedge >>> 2;
            }
            oi = next;
        }
        // In no open wedge: on a ray, or the vertex itself.
        for (int i = 0; i < k; i++) {
            double px = shapes[points + 2 + 2 * i];
            double py = shapes[points + 3 + 2 * i];
            if (CGAlgorithmsDD.orientationIndex(vx, vy, px, py, x, y) == 0 && sameDirection(vx, vy, px, py, x, y)) {
                return stars[at + 3 + 2 * i];
            }
        }
        if (x == vx && y == vy) {
            return stars[at + 2 + 2 * k];
        }
        throw new IllegalStateException("star leaf at " + at + " misses point " + x + " " + y);
    }

    /**
     * Whether a point lies strictly inside the open wedge from ray i counter-clockwise to ray i + 1, given
     * its orientation against each ray ({@code oi}, {@code next}: +1 left, -1 right, 0 on the ray's line).
     * Kind +1: the wedge is narrower than a half-turn; -1 wider; 0 exactly a half-turn. Exact for every
     * point, including those on either ray or on a ray's backward extension.
     */
    static boolean inWedge(int kind, int oi, int next) {
        if (kind > 0) {
            return oi > 0 && next < 0;
        }
        if (kind < 0) {
            return oi > 0 || next < 0;
        }
        return oi > 0;
    }

    // ---- building

    /**
     * Writes a segment leaf if every segment meeting the leaf joins the same two points, both outside it,
     * and the leaf has room on both sides; returns its offset, or -1.
     */
    static int writeSegment(int[] edgeIds, CellIndexEdges edges, Rect rect, Sampler sampler) {
        int e = edgeIds[0];
        for (int f : edgeIds) {
            if (!edges.sameSegment(e, f)) {
                return -1;
            }
        }
        // Normalised direction, so that one shared edge makes one record whichever cell it came from.
        boolean forward = edges.x1[e] < edges.x2[e] || (edges.x1[e] == edges.x2[e] && edges.y1[e] < edges.y2[e]);
        double ax = forward ? edges.x1[e] : edges.x2[e];
        double ay = forward ? edges.y1[e] : edges.y2[e];
        double bx = forward ? edges.x2[e] : edges.x1[e];
        double by = forward ? edges.y2[e] : edges.y1[e];
        if (rect.contains(ax, ay) || rect.contains(bx, by)) {
            return -1;
        }
        double[] xs = {rect.minX(), rect.maxX(), rect.maxX(), rect.minX()};
        double[] ys = {rect.minY(), rect.minY(), rect.maxY(), rect.maxY()};
        int left = -1;
        int right = -1;
        for (int i = 0; i < 4; i++) {
            int side = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, xs[i], ys[i]);
            if (side > 0 && left < 0) {
                left = sampler.sample(xs[i], ys[i]);
            } else if (side < 0 && right < 0) {
                right = sampler.sample(xs[i], ys[i]);
            }
        }
        if (left < 0 || right < 0) {
            return -1;
        }
        return sampler.segment(new double[] {ax, ay, bx, by, left, right, sampler.union(left, right)});
    }

    /** Writes a star leaf if the segments meeting the leaf are rays from one vertex in it; returns its offset, or -1. */
    static int writeStar(int[] edgeIds, CellIndexEdges edges, Rect rect, Sampler sampler,
            CellIndexArrays.Ints stars, CellIndexArrays.Doubles shapes) {
        double[] rays = CellIndexStarRays.of(edgeIds, edges, rect);
        if (rays == null) {
            return -1;
        }
        int k = (rays.length - 2) / 2;
        double vx = rays[0];
        double vy = rays[1];
        int[] kinds = new int[k];
        int[] wedges = new int[k];
        for (int i = 0; i < k; i++) {
            int n = (i + 1) % k;
            kinds[i] = Integer.signum(CGAlgorithmsDD.orientationIndex(vx, vy, rays[2 + 2 * i], rays[3 + 2 * i],
                    rays[2 + 2 * n], rays[3 + 2 * n]));
            wedges[i] = sampleWedge(rays, i, kinds[i], rect, sampler);
            if (wedges[i] < 0) {
                return -1;
            }
        }
        int at = stars.size();
        stars.add(k);
        stars.add(shapes.size());
        for (double coordinate : rays) {
            shapes.add(coordinate);
        }
        int vertex = wedges[0];
        for (int i = 0; i < k; i++) {
            stars.add(wedges[i] << 2 | (kinds[i] + 1));
            stars.add(sampler.union(wedges[(i + k - 1) % k], wedges[i]));
            vertex = sampler.union(vertex, wedges[i]);
        }
        stars.add(vertex);
        return at;
    }

    /** The location of a point strictly inside wedge i and inside the leaf, or -1 if none was found. */
    private static int sampleWedge(double[] rays, int i, int kind, Rect rect, Sampler sampler) {
        int k = (rays.length - 2) / 2;
        int n = (i + 1) % k;
        double vx = rays[0];
        double vy = rays[1];
        double from = Math.atan2(rays[3 + 2 * i] - vy, rays[2 + 2 * i] - vx);
        double to = Math.atan2(rays[3 + 2 * n] - vy, rays[2 + 2 * n] - vx);
        double width = to - from;
        while (width <= 0) {
            width += 2 * Math.PI;
        }
        double bisector = from + width / 2;
        double half = Math.min(rect.maxX() - rect.minX(), rect.maxY() - rect.minY()) / 2;
        for (double reach : SAMPLE_REACH) {
            double sx = vx + reach * half * Math.cos(bisector);
            double sy = vy + reach * half * Math.sin(bisector);
            int oi = CGAlgorithmsDD.orientationIndex(vx, vy, rays[2 + 2 * i], rays[3 + 2 * i], sx, sy);
            int on = CGAlgorithmsDD.orientationIndex(vx, vy, rays[2 + 2 * n], rays[3 + 2 * n], sx, sy);
            if (rect.contains(sx, sy) && inWedge(kind, oi, on)) {
                return sampler.sample(sx, sy);
            }
        }
        return -1;
    }

    /** For a point on the line of ray V→P: whether it lies on the ray's side of V. */
    private static boolean sameDirection(double vx, double vy, double px, double py, double x, double y) {
        return (px > vx) == (x > vx) && (px < vx) == (x < vx) && (py > vy) == (y > vy) && (py < vy) == (y < vy);
    }

    /** What the builder lends a shape while it is written: locations of points, and shared segment records. */
    interface Sampler {
        /** The location of a point on no boundary. */
        int sample(double x, double y);

        /** The location of a point on the boundary between two regions. */
        int union(int a, int b);

        /** The offset of this segment record, written once and shared by every leaf it crosses. */
        int segment(double[] record);
    }
}
