package city.gridcommand.geo.check;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellFeature;
import city.gridcommand.geo.GridImport;
import city.gridcommand.geo.GridProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a set of cells may become the city's grid, listing every problem at once: no base
 * cell at all, invalid geometry, duplicate or ill-fitting codes, missing parents, overlapping
 * base-hierarchy cells and children outside their parent refuse it; gaps under a base parent are
 * warnings. Pure and stateless.
 */
public final class GridValidator {

    private static final Comparator<GridProblem> BY_FEATURE =
            Comparator.comparing(GridProblem::feature, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final GridTolerances tolerances;

    public GridValidator() {
        this(GridTolerances.DEFAULTS);
    }

    public GridValidator(GridTolerances tolerances) {
        this.tolerances = Objects.requireNonNull(tolerances);
    }

    /** Validates what a reader made of an import body; the reading problems are errors of the report. */
    public GridReport validate(GridImport imported) {
        List<GridProblem> errors = new ArrayList<>(imported.problems());
        List<GridProblem> warnings = new ArrayList<>();
        List<Integer> repairable = new ArrayList<>();
        baseCells(imported, errors);
        check(imported.cells(), HierarchyCheck.refusedCodes(imported.problems()), errors, warnings, repairable);
        errors.sort(BY_FEATURE);
        warnings.sort(BY_FEATURE);
        return new GridReport(errors, warnings, repairable);
    }

    /**
     * Validates cells built in code, each named by its position in the list.
     *
     * @throws NullPointerException if a cell has no code, level or kind (a reader never makes one)
     */
    public GridReport validate(List<Cell> cells) {
        List<CellFeature> features = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            Objects.requireNonNull(cell.code(), "cell " + i + " has no code");
            Objects.requireNonNull(cell.level(), "cell " + i + " has no level");
            Objects.requireNonNull(cell.kind(), "cell " + i + " has no kind");
            features.add(new CellFeature(i, cell));
        }
        return validate(new GridImport(features, List.of()));
    }

    /**
     * A grid without base cells would put every signal outside, silently: refused. Only said when it
     * is certain, that is when no feature was refused in reading (that one may have been a base cell).
     */
    private static void baseCells(GridImport imported, List<GridProblem> errors) {
        if (!imported.problems().isEmpty() || imported.cells().stream().anyMatch(c -> c.cell().isBaseCell())) {
            return;
        }
        String detail = imported.cells().isEmpty()
                ? "the FeatureCollection has no features; a grid needs base cells (level grid, kind base)"
                : "none of the " + imported.cells().size() + " features is a base cell (level grid, kind base), so"
                        + " every signal would be outside the grid";
        errors.add(GridProblem.of(GridProblem.Type.NO_BASE_CELL, null, null, detail));
    }

    private void check(List<CellFeature> cells, Map<Integer, String> refused, List<GridProblem> errors,
            List<GridProblem> warnings, List<Integer> repairable) {
        boolean[] validGeometry = GeometryCheck.run(cells, errors, repairable);
        ImportedCells index = new ImportedCells(cells, validGeometry);
        new HierarchyCheck(index, refused, errors).run();
        OverlapCheck overlaps = new OverlapCheck(index, tolerances.overlapSquareMetres(), errors);
        overlaps.run();
        new ParentCheck(index, tolerances, overlaps.siblingOverlaps(), errors, warnings).run();
    }
}
