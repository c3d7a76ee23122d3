package city.gridcommand.geo.index;

import city.gridcommand.geo.index.CellIndexRaster.Rect;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;

/**
 * Finds whether the segments meeting a leaf are rays from one vertex inside it, and lists those rays in
 * counter-clockwise order, sorted with exact predicates only (no angles), so that no two rays swap places
 * by rounding.
 */
final class CellIndexStarRays {

    private CellIndexStarRays() {
    }

    /**
     * {@code [vx, vy, p0x, p0y, p1x, p1y, …]}: the shared vertex and the far end of each distinct ray in
     * counter-clockwise order, or null when the segments are not such a star (no common vertex, the
     * vertex outside the leaf, a far end inside it, fewer than two rays, or two rays along one line in
     * the same direction).
     */
    static double[] of(int[] edgeIds, CellIndexEdges edges, Rect rect) {
        int e = edgeIds[0];
        double[] star = tryVertex(edgeIds, edges, rect, edges.x1[e], edges.y1[e]);
        return star != null ? star : tryVertex(edgeIds, edges, rect, edges.x2[e], edges.y2[e]);
    }

    private static double[] tryVertex(int[] edgeIds, CellIndexEdges edges, Rect rect, double vx, double vy) {
        if (!rect.contains(vx, vy)) {
            return null;
        }
        List<double[]> ends = new ArrayList<>();
        for (int e : edgeIds) {
            double[] end = farEnd(edges, e, vx, vy);
            if (end == null || rect.contains(end[0], end[1])) {
                return null;
            }
            if (ends.stream().noneMatch(seen -> seen[0] == end[0] && seen[1] == end[1])) {
                ends.add(end);
            }
        }
        if (ends.size() < 2) {
            return null;
        }
        ends.sort((a, b) -> compareAngle(vx, vy, a, b));
        for (int i = 0; i + 1 < ends.size(); i++) {
            if (compareAngle(vx, vy, ends.get(i), ends.get(i + 1)) == 0) {
                return null; // two overlapping rays: two boundaries along one line, not a simple star
            }
        }
        double[] star = new double[2 + 2 * ends.size()];
        star[0] = vx;
        star[1] = vy;
        for (int i = 0; i < ends.size(); i++) {
            star[2 + 2 * i] = ends.get(i)[0];
            star[3 + 2 * i] = ends.get(i)[1];
        }
        return star;
    }

    private static double[] farEnd(CellIndexEdges edges, int e, double vx, double vy) {
        if (edges.x1[e] == vx && edges.y1[e] == vy) {
            return new double[] {edges.x2[e], edges.y2[e]};
        }
        if (edges.x2[e] == vx && edges.y2[e] == vy) {
            return new double[] {edges.x1[e], edges.y1[e]};
        }
        return null;
    }

    /**
     * Counter-clockwise order of directions V→a and V→b starting from the positive x axis: first by half
     * plane (upper half including the positive x axis, then the rest), then by orientation. 0 means the
     * same direction.
     */
    private static int compareAngle(double vx, double vy, double[] a, double[] b) {
        int halfA = half(vx, vy, a);
        int halfB = half(vx, vy, b);
        if (halfA != halfB) {
            return Integer.compare(halfA, halfB);
        }
        return -CGAlgorithmsDD.orientationIndex(vx, vy, a[0], a[1], b[0], b[1]);
    }

    private static int half(double vx, double vy, double[] p) {
        return p[1] > vy || (p[1] == vy && p[0] > vx) ? 0 : 1;
    }
}
