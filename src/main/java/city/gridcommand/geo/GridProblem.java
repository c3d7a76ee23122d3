package city.gridcommand.geo;

/**
 * Something wrong (or, for a warning, worth knowing) about an imported grid, naming the feature: its
 * position in the FeatureCollection (0-based, null when the problem is not one feature's) and its code
 * (null when it has none). {@code other} names the second cell of a pair (an overlap) and
 * {@code areaSquareMetres} the area concerned, where the check measures one.
 */
public record GridProblem(Type type, Integer feature, String code, String other, Double areaSquareMetres,
        String detail) {

    /** The kinds of problem, with the machine-readable name the API gives them. */
    public enum Type {
        /** Not a Feature, no properties, a property of the wrong type or value. */
        INVALID_FEATURE("invalid_feature"),
        /** A geometry that is missing, not a (Multi)Polygon, unparseable, unclosed or not valid (self-intersection…). */
        INVALID_GEOMETRY("invalid_geometry"),
        /** Two features with the same code. */
        DUPLICATE_CODE("duplicate_code"),
        /** A code of the wrong shape for its level, or not its parent's code plus its own digits. */
        CODE_MISMATCH("code_mismatch"),
        /** A parent code that no feature has (or a non-district without a parent). */
        MISSING_PARENT("missing_parent"),
        /** Two base cells whose interiors overlap by more than the tolerance. */
        OVERLAP("overlap"),
        /** A child that extends beyond its parent by more than the tolerance. */
        OUTSIDE_PARENT("outside_parent"),
        /** Warning: part of a parent that none of its base-hierarchy children covers. */
        GAP("gap"),
        /** No feature is a base cell (level grid, kind base), so every signal would be outside the grid. */
        NO_BASE_CELL("no_base_cell"),
        /** The body is not JSON, or not a GeoJSON FeatureCollection: the only problem then, naming no feature. */
        INVALID_DOCUMENT("invalid_document");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public static GridProblem of(Type type, Integer feature, String code, String detail) {
        return new GridProblem(type, feature, code, null, null, detail);
    }
}
