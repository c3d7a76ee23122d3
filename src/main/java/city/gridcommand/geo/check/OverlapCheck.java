package city.gridcommand.geo.check;

import city.gridcommand.geo.GeoMeasure;
import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.geo.GridProblem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.relateng.TopologyPredicate;

/**
 * Finds base-kind cells of one level that overlap: base cells, and the streets and communities (and
 * districts) of the base hierarchy, which tile the city level by level. An STRtree gives the pairs
 * whose envelopes overlap; a topological test keeps those whose interiors meet (neighbours sharing an
 * edge do not), and only they are measured, so a well-formed grid costs little more than the index.
 */
final class OverlapCheck {

    /** Interiors intersect: the only relation that can give an overlap of positive area. */
    private static final String INTERIORS_MEET = "T********";

    private final ImportedCells index;
    private final double tolerance;
    private final List<GridProblem> errors;
    private final Map<Integer, Double> siblingOverlaps = new HashMap<>();

    OverlapCheck(ImportedCells index, double toleranceSquareMetres, List<GridProblem> errors) {
        this.index = index;
        this.tolerance = toleranceSquareMetres;
        this.errors = errors;
    }

    void run() {
        for (List<Integer> level : baseCellsByLevel().values()) {
            checkLevel(level);
        }
    }

    /**
     * By parent position, the summed areas of the overlaps between its base children, tolerated or
     * not (infinite when one could not be measured): what bounds the parent's gap from above.
     */
    Map<Integer, Double> siblingOverlaps() {
        return siblingOverlaps;
    }

    private Map<CellLevel, List<Integer>> baseCellsByLevel() {
        Map<CellLevel, List<Integer>> byLevel = new EnumMap<>(CellLevel.class);
        for (int i = 0; i < index.size(); i++) {
            Cell cell = index.cell(i);
            if (cell.kind() == CellKind.BASE && index.validGeometry(i)) {
                byLevel.computeIfAbsent(cell.level(), l -> new ArrayList<>()).add(i);
            }
        }
        return byLevel;
    }

    private void checkLevel(List<Integer> positions) {
        STRtree tree = new STRtree();
        for (int i : positions) {
            tree.insert(index.cell(i).geometry().getEnvelopeInternal(), i);
        }
        tree.build();
        TopologyPredicate interiorsMeet = RelatePredicate.matches(INTERIORS_MEET);
        for (int i : positions) {
            Geometry geometry = index.cell(i).geometry();
            Envelope envelope = geometry.getEnvelopeInternal();
            RelateNG[] prepared = new RelateNG[1];
            tree.query(envelope, item -> {
                int j = (Integer) item;
                // each pair once; an envelope overlap without area cannot hold an interior overlap
                if (j <= i || envelope.intersection(index.cell(j).geometry().getEnvelopeInternal()).getArea() == 0) {
                    return;
                }
                if (prepared[0] == null) {
                    prepared[0] = RelateNG.prepare(geometry);
                }
                if (prepared[0].evaluate(index.cell(j).geometry(), interiorsMeet)) {
                    measure(i, j);
                }
            });
        }
    }

    private void measure(int i, int j) {
        Geometry overlap = SafeOverlay.overlay(index.cell(i).geometry(), index.cell(j).geometry(),
                OverlayNG.INTERSECTION);
        // the interiors do meet, so an overlap that cannot be measured is still reported
        Double area = overlap == null ? null : GeoMeasure.areaSquareMetres(overlap);
        Integer parent = index.parentOf(i);
        if (parent != null && parent.equals(index.parentOf(j))) {
            siblingOverlaps.merge(parent, area == null ? Double.POSITIVE_INFINITY : area, Double::sum);
        }
        if (area != null && area <= tolerance) {
            return;
        }
        Cell cell = index.cell(i);
        String detail = cell.level().wireName() + " " + index.describe(i) + " overlaps " + index.describe(j)
                + (area == null ? " (the overlap could not be measured)" : " by " + ImportedCells.squareMetres(area));
        errors.add(new GridProblem(GridProblem.Type.OVERLAP, index.feature(i), cell.code(),
                index.cell(j).code(), area, detail));
    }
}
