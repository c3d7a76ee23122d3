package city.gridcommand.geo.geojson;

/**
 * An import body holding more features or positions than {@link GridLimits} allow: refused whole,
 * before the rest of it is read.
 */
public final class GridTooLargeException extends RuntimeException {

    private final String limitName;
    private final String field;
    private final long limit;

    private GridTooLargeException(String limitName, String field, long limit, String detail) {
        super(detail);
        this.limitName = limitName;
        this.field = field;
        this.limit = limit;
    }

    static GridTooLargeException features(long limit) {
        return new GridTooLargeException("max-features", "features", limit,
                "the FeatureCollection has more than " + limit + " features, the most one import may hold");
    }

    static GridTooLargeException vertices(long limit, int feature) {
        return new GridTooLargeException("max-vertices", "vertices", limit, "the geometries hold more than " + limit
                + " positions in all (passed in feature " + feature + "), the most one import may hold");
    }

    static GridTooLargeException featureVertices(long limit, int feature) {
        return new GridTooLargeException("max-feature-vertices", "features[" + feature + "].geometry", limit,
                "feature " + feature + " has more than " + limit + " positions, the most one feature may have");
    }

    /** Which limit was passed: {@code max-features}, {@code max-vertices} or {@code max-feature-vertices}. */
    public String limitName() {
        return limitName;
    }

    /** What is too large: {@code features}, {@code vertices} (of them all) or {@code features[i].geometry}. */
    public String field() {
        return field;
    }

    /** The limit that was passed. */
    public long limit() {
        return limit;
    }
}
