package city.gridcommand.geo.check;

import city.gridcommand.geo.CellFeature;
import city.gridcommand.geo.GridProblem;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Refuses cells whose geometry is missing, not polygonal or not valid by the OGC rules (JTS
 * {@link IsValidOp}), naming the fault and where it is. The other geometric checks skip those cells,
 * since overlay operations on invalid geometry give meaningless results. A polygon that is only
 * topologically wrong (a self-intersecting ring, a hole outside its shell…) is one {@link GridRepair}
 * can repair, and is listed as such.
 */
final class GeometryCheck {

    private GeometryCheck() {
    }

    /**
     * Adds a problem for each bad geometry, and the feature number of each repairable one to
     * {@code repairable}; returns, by position, which geometries are valid.
     */
    static boolean[] run(List<CellFeature> cells, List<GridProblem> errors, List<Integer> repairable) {
        boolean[] valid = new boolean[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            CellFeature feature = cells.get(i);
            Geometry geometry = feature.cell().geometry();
            String fault = shapeFault(geometry);
            if (fault == null) {
                TopologyValidationError error = topologyError(geometry);
                fault = error == null ? null : describe(error);
                if (error != null) {
                    repairable.add(feature.feature());
                }
            }
            valid[i] = fault == null;
            if (fault != null) {
                errors.add(GridProblem.of(GridProblem.Type.INVALID_GEOMETRY, feature.feature(),
                        feature.cell().code(), fault));
            }
        }
        return valid;
    }

    /** What keeps a geometry from being a cell at all (none, not polygonal, empty), or null. */
    static String shapeFault(Geometry geometry) {
        if (geometry == null) {
            return "the cell has no geometry";
        }
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            return "a cell must be a Polygon or MultiPolygon, not a " + geometry.getGeometryType();
        }
        if (geometry.isEmpty()) {
            return "the geometry is empty";
        }
        return null;
    }

    /** The first way a polygonal geometry breaks the OGC rules, or null when it is valid. */
    static TopologyValidationError topologyError(Geometry geometry) {
        return new IsValidOp(geometry).getValidationError();
    }

    /** "Self-intersection at [113.9310000, 22.5210000]". */
    static String describe(TopologyValidationError error) {
        Coordinate at = error.getCoordinate();
        return at == null ? error.getMessage() : error.getMessage() + " at " + point(at);
    }

    /** A position as GeoJSON writes it, [lon, lat]. */
    static String point(Coordinate at) {
        return String.format(Locale.ROOT, "[%.7f, %.7f]", at.x, at.y);
    }
}
