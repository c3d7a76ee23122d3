package city.gridcommand.geo.check;

import city.gridcommand.geo.GeoMeasure;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.GridProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;

/**
 * Compares each parent with its children: a child of any kind reaching beyond its parent by more than
 * the allowance is an error; a base parent's area that none of its base children covers is a gap,
 * worth a warning (a district may keep land outside every street on purpose, but rarely does).
 *
 * <p>Unioning every family's children would cost most of the validation, so the gap is first bounded
 * from areas already known: it is at least the parent's area less what each base child covers of it,
 * and at most that plus the siblings' overlaps (which {@link OverlapCheck} measured). Only a family
 * whose upper bound exceeds the threshold is unioned, to measure the gap exactly and find where it is.
 */
final class ParentCheck {

    private final ImportedCells index;
    private final GridTolerances tolerances;
    private final Map<Integer, Double> siblingOverlaps;
    private final List<GridProblem> errors;
    private final List<GridProblem> warnings;

    /** @param siblingOverlaps by parent position, the summed overlap areas of its base children (m²) */
    ParentCheck(ImportedCells index, GridTolerances tolerances, Map<Integer, Double> siblingOverlaps,
            List<GridProblem> errors, List<GridProblem> warnings) {
        this.index = index;
        this.tolerances = tolerances;
        this.siblingOverlaps = siblingOverlaps;
        this.errors = errors;
        this.warnings = warnings;
    }

    void run() {
        for (Map.Entry<Integer, List<Integer>> family : index.parentsWithChildren().entrySet()) {
            int parent = family.getKey();
            if (index.validGeometry(parent)) {
                family(parent, family.getValue());
            }
        }
    }

    private void family(int parent, List<Integer> children) {
        RelateNG prepared = RelateNG.prepare(index.cell(parent).geometry());
        boolean base = index.cell(parent).kind() == CellKind.BASE;
        List<Integer> baseChildren = new ArrayList<>();
        double coveredByChildren = 0;
        for (int child : children) {
            boolean baseChild = index.cell(child).kind() == CellKind.BASE;
            if (!index.validGeometry(child)) {
                base &= !baseChild; // an invalid child already refuses the import; the gap cannot be measured
                continue;
            }
            double outside = outside(parent, prepared, child);
            if (baseChild) {
                baseChildren.add(child);
                coveredByChildren += index.area(child) - outside;
            }
        }
        if (base && !baseChildren.isEmpty()) {
            double atMost = index.area(parent) - coveredByChildren + siblingOverlaps.getOrDefault(parent, 0.0);
            if (!(atMost <= tolerances.gapSquareMetres())) { // NaN when something could not be measured
                gap(parent, baseChildren);
            }
        }
    }

    /** Reports a child too far outside its parent; returns the area outside (NaN if unmeasurable). */
    private double outside(int parent, RelateNG prepared, int child) {
        Geometry geometry = index.cell(child).geometry();
        if (prepared.evaluate(geometry, RelatePredicate.covers())) {
            return 0;
        }
        Geometry beyond = SafeOverlay.overlay(geometry, index.cell(parent).geometry(), OverlayNG.DIFFERENCE);
        double area = beyond == null ? Double.NaN : GeoMeasure.areaSquareMetres(beyond);
        double allowed = tolerances.outsideParentAllowance(index.area(child));
        if (!(area <= allowed)) {
            String extent = beyond == null ? "(by an area that could not be measured)" : ImportedCells.squareMetres(area);
            errors.add(new GridProblem(GridProblem.Type.OUTSIDE_PARENT, index.feature(child),
                    index.cell(child).code(), index.cell(parent).code(), beyond == null ? null : area,
                    index.describe(child) + " extends " + extent + " beyond its parent " + index.describe(parent)
                            + " (allowed " + ImportedCells.squareMetres(allowed) + ")"));
        }
        return area;
    }

    private void gap(int parent, List<Integer> baseChildren) {
        List<Geometry> parts = new ArrayList<>(baseChildren.size());
        for (int child : baseChildren) {
            parts.add(index.cell(child).geometry());
        }
        Geometry uncovered = SafeOverlay.overlay(index.cell(parent).geometry(), SafeOverlay.union(parts),
                OverlayNG.DIFFERENCE);
        if (uncovered == null) {
            warnings.add(GridProblem.of(GridProblem.Type.GAP, index.feature(parent), index.cell(parent).code(),
                    "whether the base children of " + index.describe(parent) + " cover it could not be measured"));
            return;
        }
        double area = GeoMeasure.areaSquareMetres(uncovered);
        if (area > tolerances.gapSquareMetres()) {
            warnings.add(new GridProblem(GridProblem.Type.GAP, index.feature(parent), index.cell(parent).code(),
                    null, area, ImportedCells.squareMetres(area) + " of " + index.describe(parent)
                            + " is covered by none of its " + parts.size() + " base children, the largest part around "
                            + GeometryCheck.point(largestPart(uncovered).getInteriorPoint().getCoordinate())));
        }
    }

    private static Geometry largestPart(Geometry geometry) {
        Geometry largest = geometry.getGeometryN(0);
        for (int i = 1; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon && part.getArea() > largest.getArea()) {
                largest = part;
            }
        }
        return largest;
    }
}
