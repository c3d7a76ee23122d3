package city.gridcommand.geo.check;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellFeature;
import city.gridcommand.geo.GeoMeasure;
import city.gridcommand.geo.GridImport;
import city.gridcommand.geo.GridProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Repairs the cells whose polygons break the OGC rules, as boundaries from public sources often do
 * (quantised GeoJSON: rings that touch or cross themselves, spikes, holes outside their shell), with
 * JTS {@link GeometryFixer}: it keeps every lobe of a crossing ring, where {@code buffer(0)} would drop
 * the ones drawn the wrong way round, and removes what has no area.
 *
 * <p>A repair must not change what the cell covers: its area after is compared with the area its
 * rings enclose as drawn (the shoelace area, so a figure-8's lobes cancel), and a repair changing it
 * by more than the allowed share is refused, the feature then refused as invalid geometry saying so.
 * Valid geometries are left exactly as they are. Pure and stateless.
 */
public final class GridRepair {

    /** The import with every accepted repair applied, and the report on every invalid feature. */
    public record Repaired(GridImport imported, List<GeometryRepair> repairs) {

        public Repaired {
            repairs = List.copyOf(repairs);
        }
    }

    private final double maxAreaChange;

    /** @param maxAreaChange the share of its area a repair may change a cell by (0.01: 1%) */
    public GridRepair(double maxAreaChange) {
        if (!(maxAreaChange >= 0)) {
            throw new IllegalArgumentException("the share of area a repair may change must be a non-negative number");
        }
        this.maxAreaChange = maxAreaChange;
    }

    /**
     * Repairs every polygonal feature that is not valid. A refused repair removes the feature from the
     * cells and adds its problem to the import's, as a reading problem would be.
     */
    public Repaired repair(GridImport imported) {
        List<CellFeature> cells = new ArrayList<>(imported.cells().size());
        List<GridProblem> problems = new ArrayList<>(imported.problems());
        List<GeometryRepair> repairs = new ArrayList<>();
        for (CellFeature feature : imported.cells()) {
            Geometry geometry = feature.cell().geometry();
            TopologyValidationError error = GeometryCheck.shapeFault(geometry) == null
                    ? GeometryCheck.topologyError(geometry) : null;
            if (error == null) {
                cells.add(feature);
                continue;
            }
            Geometry fixed = fixed(geometry);
            GeometryRepair repair = report(feature, error, geometry, fixed);
            repairs.add(repair);
            if (repair.accepted()) {
                cells.add(new CellFeature(feature.feature(), withGeometry(feature.cell(), fixed)));
            } else {
                problems.add(GridProblem.of(GridProblem.Type.INVALID_GEOMETRY, feature.feature(),
                        feature.cell().code(), repair.detail()));
            }
        }
        return new Repaired(new GridImport(cells, problems), repairs);
    }

    /** The repaired geometry, or null when nothing valid and polygonal comes out. */
    private static Geometry fixed(Geometry geometry) {
        Geometry fixed;
        try {
            fixed = GeometryFixer.fix(geometry);
        } catch (RuntimeException e) {
            return null; // JTS gave up: reported as a repair that failed
        }
        boolean usable = GeometryCheck.shapeFault(fixed) == null && GeometryCheck.topologyError(fixed) == null;
        return usable ? fixed : null;
    }

    private GeometryRepair report(CellFeature feature, TopologyValidationError error, Geometry geometry,
            Geometry fixed) {
        double before = GeoMeasure.areaSquareMetres(geometry);
        double after = fixed == null ? 0 : GeoMeasure.areaSquareMetres(fixed);
        double change = after - before;
        Double percent = before > 0 ? 100 * change / before : null;
        boolean accepted = fixed != null && before > 0 && Math.abs(change) <= maxAreaChange * before;
        Coordinate at = error.getCoordinate();
        List<Double> where = at == null ? List.of() : List.of(at.x, at.y);
        String detail = GeometryCheck.describe(error) + "; " + outcome(fixed, before, after, percent, accepted);
        return new GeometryRepair(feature.feature(), feature.cell().code(), error.getMessage(), where, before, after,
                change, percent, fixed == null ? 0 : fixed.getNumGeometries(), accepted, detail);
    }

    private String outcome(Geometry fixed, double before, double after, Double percent, boolean accepted) {
        if (fixed == null) {
            return "it could not be repaired into a valid polygon";
        }
        String areas = "from " + ImportedCells.squareMetres(before) + " to " + ImportedCells.squareMetres(after);
        if (accepted) {
            return "repaired into " + polygons(fixed) + ", its area " + areas + " (" + signed(percent) + ")";
        }
        String limit = String.format(Locale.ROOT, "%s%%", trimmed(100 * maxAreaChange));
        if (percent == null) {
            return "its rings as drawn enclose no area, so a repair (" + areas + ") cannot be checked against"
                    + " them; fix the feature at its source";
        }
        return "repairing it would change its area " + areas + " (" + signed(percent) + "), more than the " + limit
                + " a repair may change; fix the feature at its source";
    }

    private static String polygons(Geometry fixed) {
        int n = fixed.getNumGeometries();
        return n == 1 ? "1 polygon" : n + " polygons";
    }

    private static String signed(double percent) {
        return String.format(Locale.ROOT, "%+.3f%%", percent);
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Cell withGeometry(Cell cell, Geometry geometry) {
        return new Cell(cell.code(), cell.name(), cell.level(), cell.kind(), cell.parent(), geometry,
                cell.attributes());
    }
}
