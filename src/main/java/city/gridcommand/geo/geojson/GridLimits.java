package city.gridcommand.geo.geojson;

/**
 * How much one import body may hold, counted while it streams in: a body within the HTTP limit can
 * still hold more features or positions than the heap can take, so the reader stops at the first one
 * over a limit instead of building it. Each feature is read as a small tree before it becomes a cell,
 * and a tree costs far more per position than the cell does, hence a limit per feature as well.
 *
 * @param maxFeatures most features in the FeatureCollection
 * @param maxVertices most positions over every geometry of the collection (a ring's closing position counts)
 * @param maxFeatureVertices most positions in one feature's geometry
 */
public record GridLimits(int maxFeatures, long maxVertices, int maxFeatureVertices) {

    /** No limit: for grids built or read in code (tests, the demo city). */
    public static final GridLimits NONE = new GridLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);

    public GridLimits {
        if (maxFeatures < 1 || maxVertices < 1 || maxFeatureVertices < 1) {
            throw new IllegalArgumentException("grid limits must be positive, not " + maxFeatures + " features, "
                    + maxVertices + " vertices and " + maxFeatureVertices + " vertices per feature");
        }
    }
}
