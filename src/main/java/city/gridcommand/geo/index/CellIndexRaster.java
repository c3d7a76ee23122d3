package city.gridcommand.geo.index;

import org.locationtech.jts.geom.Envelope;

/**
 * The uniform raster of top buckets over the envelope of the indexed cells, and the integer "fine"
 * coordinates that the 4×4 trees under the buckets subdivide: a point's fine column is
 * {@code floor((lon - originX) * scale)}, and the top bucket is that shifted right by {@code shift} bits.
 */
final class CellIndexRaster {

    /** Bits of fine coordinate per tree level: 4×4 children per node. */
    static final int LEVEL_BITS = 2;

    final double originX;
    final double originY;
    final double scale;
    final int cols;
    final int rows;
    final int shift;
    /**
     * How far a region is widened before asking what meets it. A point that maps to a fine cell lies
     * within its exact rectangle give or take a few ulps; eps is far larger, so every point that reaches a
     * leaf lies strictly inside the widened rectangle the leaf was built from.
     */
    final double eps;

    private CellIndexRaster(double originX, double originY, double side, int cols, int rows, int shift) {
        this.originX = originX;
        this.originY = originY;
        this.scale = (1 << shift) / side;
        this.cols = cols;
        this.rows = rows;
        this.shift = shift;
        double magnitude = Math.max(Math.max(Math.abs(originX), Math.abs(originY)),
                Math.max(Math.abs(originX + cols * side), Math.abs(originY + rows * side)));
        this.eps = 0.01 / scale + 64 * Math.ulp(magnitude);
    }

    /** A raster of about {@code targetBuckets} square buckets over the extent, each {@code depth} levels deep. */
    static CellIndexRaster over(Envelope extent, double targetBuckets, int depth) {
        int shift = LEVEL_BITS * depth;
        double span = Math.max(Math.max(extent.getWidth(), extent.getHeight()), 1e-9);
        // A margin keeps points on the envelope's far edges below the last fine column.
        double margin = span * 1e-4;
        double width = Math.max(extent.getWidth(), span * 1e-3) + 2 * margin;
        double height = Math.max(extent.getHeight(), span * 1e-3) + 2 * margin;
        double side = Math.sqrt(width * height / Math.max(1, targetBuckets));
        int maxCells = 1 << (30 - shift); // fine coordinates must fit an int
        side = Math.max(side, Math.max(width, height) / maxCells);
        int cols = (int) Math.min(maxCells, Math.ceil(width / side));
        int rows = (int) Math.min(maxCells, Math.ceil(height / side));
        double originX = extent.centre().x - cols * side / 2;
        double originY = extent.centre().y - rows * side / 2;
        return new CellIndexRaster(originX, originY, side, cols, rows, shift);
    }

    int buckets() {
        return cols * rows;
    }

    /** Longitude of a fine column's left edge. */
    double x(long fine) {
        return originX + fine / scale;
    }

    /** Latitude of a fine row's bottom edge. */
    double y(long fine) {
        return originY + fine / scale;
    }

    int column(double x) {
        return clamp((long) Math.floor((x - originX) * scale) >> shift, cols);
    }

    int row(double y) {
        return clamp((long) Math.floor((y - originY) * scale) >> shift, rows);
    }

    /** The segments that meet each top bucket's widened rectangle. */
    Buckets binEdges(CellIndexEdges edges) {
        CellIndexArrays.Longs pairs = new CellIndexArrays.Longs();
        for (int e = 0; e < edges.size(); e++) {
            double ax = edges.x1[e];
            double ay = edges.y1[e];
            double bx = edges.x2[e];
            double by = edges.y2[e];
            for (int r = row(Math.min(ay, by) - eps); r <= row(Math.max(ay, by) + eps); r++) {
                // The part of the segment within this row, widened generously: meets() decides exactly.
                double lo = Math.max(Math.min(ay, by), y((long) r << shift) - eps);
                double hi = Math.min(Math.max(ay, by), y((long) (r + 1) << shift) + eps);
                double xlo = Math.min(ax, bx);
                double xhi = Math.max(ax, bx);
                if (ay != by) {
                    double xa = ax + (lo - ay) * (bx - ax) / (by - ay);
                    double xb = ax + (hi - ay) * (bx - ax) / (by - ay);
                    double slack = (xhi - xlo) * 1e-9 + eps;
                    xlo = Math.max(xlo, Math.min(xa, xb) - slack);
                    xhi = Math.min(xhi, Math.max(xa, xb) + slack);
                }
                for (int c = column(xlo - eps); c <= column(xhi + eps); c++) {
                    if (edges.meets(e, x((long) c << shift) - eps, y((long) r << shift) - eps,
                            x((long) (c + 1) << shift) + eps, y((long) (r + 1) << shift) + eps)) {
                        pairs.add((long) (r * cols + c) << 32 | e);
                    }
                }
            }
        }
        return Buckets.of(pairs.sorted(), buckets());
    }

    /** The cells whose envelope meets each top bucket's widened rectangle, in ascending code order. */
    Buckets binCells(CellIndexCells cells) {
        CellIndexArrays.Longs pairs = new CellIndexArrays.Longs();
        for (int i = 0; i < cells.size(); i++) {
            Envelope envelope = cells.envelopes[i];
            for (int r = row(envelope.getMinY() - eps); r <= row(envelope.getMaxY() + eps); r++) {
                for (int c = column(envelope.getMinX() - eps); c <= column(envelope.getMaxX() + eps); c++) {
                    pairs.add((long) (r * cols + c) << 32 | i);
                }
            }
        }
        return Buckets.of(pairs.sorted(), buckets());
    }

    /**
     * The widened rectangle of the square of fine cells {@code [fx, fx + size) × [fy, fy + size)}.
     */
    Rect rect(int fx, int fy, int size) {
        return new Rect(x(fx) - eps, y(fy) - eps, x((long) fx + size) + eps, y((long) fy + size) + eps);
    }

    /** A closed axis-aligned rectangle in degrees. */
    record Rect(double minX, double minY, double maxX, double maxY) {

        boolean contains(double x, double y) {
            return x >= minX && x <= maxX && y >= minY && y <= maxY;
        }

        boolean meets(Envelope envelope) {
            return envelope.getMinX() <= maxX && envelope.getMaxX() >= minX && envelope.getMinY() <= maxY
                    && envelope.getMaxY() >= minY;
        }

        double centreX() {
            return minX + (maxX - minX) / 2;
        }

        double centreY() {
            return minY + (maxY - minY) / 2;
        }
    }

    /** Items per top bucket, packed: bucket b holds {@code items[start[b]]} up to {@code items[start[b + 1]]}. */
    record Buckets(int[] start, int[] items) {

        static Buckets of(long[] sortedPairs, int buckets) {
            int[] start = new int[buckets + 1];
            int[] items = new int[sortedPairs.length];
            for (int i = 0; i < sortedPairs.length; i++) {
                start[(int) (sortedPairs[i] >>> 32) + 1]++;
                items[i] = (int) sortedPairs[i];
            }
            for (int b = 0; b < buckets; b++) {
                start[b + 1] += start[b];
            }
            return new Buckets(start, items);
        }

        int[] of(int bucket) {
            return java.util.Arrays.copyOfRange(items, start[bucket], start[bucket + 1]);
        }
    }

    private static int clamp(long value, int count) {
        return (int) Math.max(0, Math.min(count - 1, value));
    }
}
