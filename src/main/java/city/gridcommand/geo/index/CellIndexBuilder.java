package city.gridcommand.geo.index;

import city.gridcommand.geo.index.CellIndexRaster.Rect;
import city.gridcommand.geo.Grid;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/**
 * Builds the arrays of a {@link CellIndex}: for each top bucket, a leaf or a tree of 4×4 nodes, split
 * while a region is cut by boundaries in a way no simple leaf can answer.
 */
final class CellIndexBuilder implements CellIndexShapes.Sampler {

    static final int NODE = 0;
    static final int SEGMENT = 1;
    static final int STAR = 2;
    static final int MIXED = 3;
    private static final int CHILDREN = 1 << (2 * CellIndexRaster.LEVEL_BITS);
    private static final int SIDE = 1 << CellIndexRaster.LEVEL_BITS;
    private static final int[] NONE = new int[0];

    final CellIndexCells cells;
    /** Every boundary segment: needed while building only, let go after (see the constructor). */
    CellIndexEdges edges;
    final CellIndexRaster raster;
    final CellIndexLocations locations;
    final int maxDepth;
    final int[] top;
    final CellIndexArrays.Ints nodes = new CellIndexArrays.Ints();
    final CellIndexArrays.Doubles shapes = new CellIndexArrays.Doubles();
    final CellIndexArrays.Ints stars = new CellIndexArrays.Ints();
    final CellIndexArrays.Ints mixed = new CellIndexArrays.Ints();
    int segmentLeaves;
    int starLeaves;
    int mixedLeaves;
    /** The values of a segment record: {@code [ax, ay, bx, by, left, right, on]} (CellIndexShapes). */
    private static final int SEGMENT_LENGTH = 7;
    /** Offsets + 1 of the segment records in {@code shapes} (0: free), by content; see {@link #segment}. */
    private int[] segments = new int[1 << 10];
    private int segmentCount;
    /** The cells of the leaf being built, for {@link #sample}: known to cover it, or to be tested. */
    private int[] sampleKnown;
    private int[] sampleUncertain;

    CellIndexBuilder(Grid grid, CellIndex.Tuning tuning) {
        this.cells = new CellIndexCells(grid);
        this.edges = CellIndexEdges.of(cells);
        this.locations = new CellIndexLocations(cells);
        this.maxDepth = tuning.maxDepth();
        Envelope extent = cells.extent();
        if (extent == null) {
            extent = new Envelope(0, 0, 0, 0);
        }
        // Top buckets in proportion to boundary vertices (a segment per cell side, each side shared by two
        // cells, so about a vertex per four segments in a tiling): most buckets then hold at most one
        // vertex and end as a pure, segment or star leaf with no tree below them.
        double target = Math.min(1 << 24, Math.max(1, tuning.bucketsPerVertex() * edges.size() / 4.0));
        this.raster = CellIndexRaster.over(extent, target, maxDepth);
        this.top = new int[raster.buckets()];
        build();
        // what only the build needs goes before the index copies the arrays out of this builder
        this.edges = null;
        this.segments = null;
    }

    private void build() {
        CellIndexRaster.Buckets edgeBuckets = raster.binEdges(edges);
        CellIndexRaster.Buckets cellBuckets = raster.binCells(cells);
        int size = 1 << raster.shift;
        for (int r = 0; r < raster.rows; r++) {
            for (int c = 0; c < raster.cols; c++) {
                int b = r * raster.cols + c;
                top[b] = entry(edgeBuckets.of(b), NONE, cellBuckets.of(b), c * size, r * size, size, 0);
            }
        }
    }

    /**
     * The entry for the square of fine cells at (fx, fy): a location number (≥ 0) or a reference.
     * {@code known}: cells that cover the whole parent region; {@code uncertain}: the other cells that may
     * meet it. A cell with no boundary in this region covers all of it or none of it, so it is decided
     * here once, at the centre, and its descendants test only the cells whose boundary they hold.
     */
    private int entry(int[] parentEdges, int[] known, int[] uncertain, int fx, int fy, int size, int depth) {
        Rect rect = raster.rect(fx, fy, size);
        int[] inEdges = edgesMeeting(parentEdges, rect);
        int[] cut = owners(inEdges);
        int[] inside = new int[uncertain.length];
        int count = 0;
        for (int c : uncertain) {
            if (Arrays.binarySearch(cut, c) < 0 && rect.meets(cells.envelopes[c])
                    && cells.covers(c, rect.centreX(), rect.centreY())) {
                inside[count++] = c;
            }
        }
        sampleKnown = CellIndexLocations.merge(known, known.length, inside, count);
        sampleUncertain = cut;
        if (inEdges.length == 0) {
            return locations.intern(sampleKnown);
        }
        int at = CellIndexShapes.writeSegment(inEdges, edges, rect, this);
        if (at >= 0) {
            segmentLeaves++;
            return reference(SEGMENT, at);
        }
        at = CellIndexShapes.writeStar(inEdges, edges, rect, this, stars, shapes);
        if (at >= 0) {
            starLeaves++;
            return reference(STAR, at);
        }
        if (depth < maxDepth) {
            return node(inEdges, sampleKnown, cut, fx, fy, size, depth);
        }
        mixedLeaves++;
        return reference(MIXED, mixedLeaf(sampleKnown, cut));
    }

    private int node(int[] inEdges, int[] known, int[] uncertain, int fx, int fy, int size, int depth) {
        int at = nodes.reserve(CHILDREN);
        int child = size / SIDE;
        for (int i = 0; i < CHILDREN; i++) {
            int cx = fx + (i % SIDE) * child;
            int cy = fy + (i / SIDE) * child;
            nodes.set(at + i, entry(inEdges, known, uncertain, cx, cy, child, depth + 1));
        }
        return reference(NODE, at);
    }

    /**
     * A leaf answered by testing cells: those with a boundary in it, to test, and those that wholly cover
     * it, flagged (low bit) as known; in code order. A base cell after the first known one never wins.
     */
    private int mixedLeaf(int[] known, int[] cut) {
        int[] all = CellIndexLocations.merge(known, known.length, cut, cut.length);
        int at = mixed.reserve(1);
        int count = 0;
        boolean baseKnown = false;
        for (int c : all) {
            boolean isKnown = Arrays.binarySearch(known, c) >= 0;
            if (!(baseKnown && cells.isBase(c))) {
                mixed.add(c << 1 | (isKnown ? 1 : 0));
                count++;
                baseKnown |= isKnown && cells.isBase(c);
            }
        }
        mixed.set(at, count);
        return at;
    }

    /** The cells owning these segments, ascending and each once. */
    private int[] owners(int[] inEdges) {
        int[] owners = new int[inEdges.length];
        for (int i = 0; i < inEdges.length; i++) {
            owners[i] = edges.cell[inEdges[i]];
        }
        Arrays.sort(owners);
        int count = 0;
        for (int i = 0; i < owners.length; i++) {
            if (count == 0 || owners[count - 1] != owners[i]) {
                owners[count++] = owners[i];
            }
        }
        return count == owners.length ? owners : Arrays.copyOf(owners, count);
    }

    private int[] edgesMeeting(int[] candidates, Rect rect) {
        int[] kept = new int[candidates.length];
        int count = 0;
        for (int e : candidates) {
            if (edges.meets(e, rect.minX(), rect.minY(), rect.maxX(), rect.maxY())) {
                kept[count++] = e;
            }
        }
        return count == kept.length ? kept : Arrays.copyOf(kept, count);
    }

    static int reference(int type, int at) {
        if (at > (Integer.MAX_VALUE >>> 2) - 1) {
            throw new IllegalStateException("grid too large for the cell index");
        }
        return ~(at << 2 | type);
    }

    @Override
    public int sample(double x, double y) {
        return locations.sample(x, y, sampleKnown, sampleUncertain);
    }

    @Override
    public int union(int a, int b) {
        return locations.union(a, b);
    }

    /**
     * Stores a segment record in {@code shapes} once: a shared edge seen again, by content, is the same
     * offset. The offsets are kept in an open-addressing table of ints ({@code segments}), not a map of
     * boxed records, which at 100,000 cells held more than a hundred megabytes while building.
     */
    @Override
    public int segment(double[] record) {
        if (record.length != SEGMENT_LENGTH) {
            throw new IllegalArgumentException("a segment record has " + SEGMENT_LENGTH + " values");
        }
        int mask = segments.length - 1;
        for (int i = hash(record) & mask; ; i = (i + 1) & mask) {
            int stored = segments[i] - 1;
            if (stored < 0) {
                int at = shapes.size();
                for (double value : record) {
                    shapes.add(value);
                }
                segments[i] = at + 1;
                if (++segmentCount * 2 > segments.length) {
                    growSegments();
                }
                return at;
            }
            if (storedEquals(stored, record)) {
                return stored;
            }
        }
    }

    private boolean storedEquals(int at, double[] record) {
        for (int k = 0; k < SEGMENT_LENGTH; k++) {
            if (Double.doubleToLongBits(shapes.get(at + k)) != Double.doubleToLongBits(record[k])) {
                return false;
            }
        }
        return true;
    }

    private void growSegments() {
        int[] old = segments;
        segments = new int[old.length * 2];
        int mask = segments.length - 1;
        double[] record = new double[SEGMENT_LENGTH];
        for (int slot : old) {
            if (slot != 0) {
                for (int k = 0; k < SEGMENT_LENGTH; k++) {
                    record[k] = shapes.get(slot - 1 + k);
                }
                int i = hash(record) & mask;
                while (segments[i] != 0) {
                    i = (i + 1) & mask;
                }
                segments[i] = slot;
            }
        }
    }

    /**
     * Mixed over all 64 bits: coordinates on a fine quantum have long runs of zero low bits, which
     * {@code Arrays.hashCode(double[])} folds into many collisions.
     */
    private static int hash(double[] values) {
        long h = 0;
        for (double value : values) {
            h = (h + Double.doubleToLongBits(value)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
    }
}
