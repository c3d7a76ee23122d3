package city.gridcommand.geo.index;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory spatial index of one {@link Grid}: which base, special and overlay cells contain a point.
 *
 * <p><b>The rule.</b> A cell contains a point when its closed area covers it: its boundary belongs to it,
 * its holes do not (a point strictly inside a hole is not in the cell; a point on a hole's ring is on the
 * boundary, so it is). When several base cells cover a point (on a shared edge or vertex, or in an overlap
 * small enough for the import to accept), the one with the lowest code wins. Every special and overlay
 * cell that covers the point is reported. This is what JTS's {@code Geometry.covers} says for the point,
 * decided with the same exact orientation predicate, so the answer on edges and vertices is the same on
 * every run and every machine.
 *
 * <p><b>How.</b> A uniform raster of top buckets over the envelope of the cells, about four per boundary
 * vertex; a bucket that no simple leaf can answer is split into 4×4 children, down to a maximum depth.
 * A leaf is one of: a location (no boundary crosses it, so no test at all); a <em>segment</em> leaf (one
 * boundary segment crosses it: one orientation test); a <em>star</em> leaf (one vertex and the rays from
 * it: a few orientation tests); or, at the maximum depth only, a <em>mixed</em> leaf listing the cells
 * to test point-in-polygon. Each distinct answer is one shared {@link CellLocation}, built once, so
 * {@link #locate} allocates nothing except in a mixed leaf whose point lies in a special or overlay cell.
 *
 * <p>Immutable and thread-safe once built. Build a new index for each imported grid (off the readers'
 * threads) and swap the reference.
 */
public final class CellIndex {

    /** Measured with bench/locate.sh: more top buckets than vertices keeps most lookups out of the trees. */
    private static final Tuning DEFAULT = new Tuning(4.0, 3);

    private final Grid grid;
    private final CellIndexCells cells;
    private final double originX;
    private final double originY;
    private final double scale;
    private final double fineCols;
    private final double fineRows;
    private final int topCols;
    private final int topShift;
    private final int[] top;
    private final int[] nodes;
    private final double[] shapes;
    private final int[] stars;
    private final int[] mixed;
    private final CellLocation[] locations;
    private final int[] soleLocation;
    private final Stats stats;

    private CellIndex(Grid grid, CellIndexBuilder built) {
        this.grid = grid;
        this.cells = built.cells;
        CellIndexRaster raster = built.raster;
        this.originX = raster.originX;
        this.originY = raster.originY;
        this.scale = raster.scale;
        this.fineCols = (double) ((long) raster.cols << raster.shift);
        this.fineRows = (double) ((long) raster.rows << raster.shift);
        this.topCols = raster.cols;
        this.topShift = raster.shift;
        this.top = built.top;
        this.nodes = built.nodes.toArray();
        this.shapes = built.shapes.toArray();
        this.stars = built.stars.toArray();
        this.mixed = built.mixed.toArray();
        this.locations = built.locations.toArray();
        this.soleLocation = built.locations.soleLocation;
        this.stats = new Stats(cells.size(), raster.cols * raster.rows, nodes.length / 16, built.segmentLeaves,
                built.starLeaves, built.mixedLeaves, locations.length, estimateBytes());
    }

    /** The index of the grid's base, special and overlay cells. */
    public static CellIndex build(Grid grid) {
        return build(grid, DEFAULT);
    }

    static CellIndex build(Grid grid, Tuning tuning) {
        return new CellIndex(grid, new CellIndexBuilder(grid, tuning));
    }

    /** The grid this index answers for. */
    public Grid grid() {
        return grid;
    }

    /**
     * The cells containing the point (WGS84 degrees), by the rule in the class comment: the base cell
     * with its path, and the special and overlay cells, in ascending code order. A point in no base cell
     * (or not a number) gives no base cell and an empty path; it may still be in special or overlay cells.
     * The same answer is the same instance for every point that shares it, unless it comes from a mixed
     * leaf and names a special or overlay cell.
     */
    public CellLocation locate(double lat, double lon) {
        double gx = (lon - originX) * scale;
        double gy = (lat - originY) * scale;
        if (!(gx >= 0 && gx < fineCols && gy >= 0 && gy < fineRows)) { // false for NaN too
            return CellLocation.OUTSIDE;
        }
        int fx = (int) gx;
        int fy = (int) gy;
        int shift = topShift;
        int entry = top[(fy >>> shift) * topCols + (fx >>> shift)];
        while (entry < 0) {
            int reference = ~entry;
            int at = reference >>> 2;
            switch (reference & 3) {
                case CellIndexBuilder.NODE -> {
                    shift -= CellIndexRaster.LEVEL_BITS;
                    entry = nodes[at + (((fy >>> shift) & 3) << 2 | ((fx >>> shift) & 3))];
                }
                case CellIndexBuilder.SEGMENT -> entry = CellIndexShapes.segment(shapes, at, lon, lat);
                case CellIndexBuilder.STAR -> entry = CellIndexShapes.star(stars, shapes, at, lon, lat);
                default -> {
                    return locateMixed(at, lon, lat);
                }
            }
        }
        return locations[entry];
    }

    /** Counts and sizes of the index, for benchmarks and logs. */
    public Stats stats() {
        return stats;
    }

    private CellLocation locateMixed(int at, double x, double y) {
        int count = mixed[at];
        int base = -1;
        boolean more = false;
        for (int i = at + 1; i <= at + count; i++) {
            int cell = mixed[i] >>> 1;
            boolean isBase = cells.isBase(cell);
            if (isBase && base >= 0 || !isBase && more) {
                continue; // already decided
            }
            if ((mixed[i] & 1) == 1 || cells.covers(cell, x, y)) {
                if (isBase) {
                    base = cell;
                } else {
                    more = true;
                }
            }
        }
        if (!more) {
            return base < 0 ? CellLocation.OUTSIDE : locations[soleLocation[base]];
        }
        return spelledOut(at, x, y, base);
    }

    /** The rare answer with special or overlay cells from a mixed leaf, built for this call. */
    private CellLocation spelledOut(int at, double x, double y, int base) {
        List<String> special = new ArrayList<>(2);
        List<String> overlay = new ArrayList<>(2);
        for (int i = at + 1; i <= at + mixed[at]; i++) {
            int cell = mixed[i] >>> 1;
            if (!cells.isBase(cell) && ((mixed[i] & 1) == 1 || cells.covers(cell, x, y))) {
                (cells.kinds[cell] == CellIndexCells.SPECIAL ? special : overlay).add(cells.codes[cell]);
            }
        }
        String code = base < 0 ? null : cells.codes[base];
        return new CellLocation(code, code == null ? List.of() : grid.path(code), special, overlay);
    }

    private long estimateBytes() {
        long arrays = 4L * top.length + 4L * nodes.length + 8L * shapes.length + 4L * stars.length + 4L * mixed.length
                + 4L * soleLocation.length + 4L * locations.length;
        long perCell = 16 + 8 + 1 + 48; // code and geometry references, kind, envelope copy
        long perLocation = 24 + 32; // the record and, typically, one list of its own (paths are the grid's)
        return arrays + perCell * cells.size() + perLocation * locations.length;
    }

    /**
     * How the index is shaped: about {@code bucketsPerVertex} top buckets per boundary vertex, trees at
     * most {@code maxDepth} levels of 4×4 below them.
     */
    record Tuning(double bucketsPerVertex, int maxDepth) {
        Tuning {
            if (maxDepth < 0 || maxDepth > 6 || !(bucketsPerVertex > 0)) {
                throw new IllegalArgumentException("bad tuning " + bucketsPerVertex + ", " + maxDepth);
            }
        }
    }

    /**
     * Counts of the index: cells indexed, top buckets, tree nodes, leaves by kind (pure leaves are not
     * counted: they are the rest), distinct answers, and an estimate of the bytes the index holds beyond
     * the grid itself.
     */
    public record Stats(int cells, int topBuckets, int nodes, int segmentLeaves, int starLeaves,
            int mixedLeaves, int locations, long estimatedBytes) {
    }
}
