package city.gridcommand.geo.check;

import city.gridcommand.geo.GridProblem;
import java.util.List;

/**
 * The verdict on an import: errors refuse it, warnings are worth showing but do not. Both are in
 * feature order (problems about no one feature first), then in the order the checks run.
 * {@code repairable} lists, in feature order, the features whose geometry is polygonal but invalid by
 * the OGC rules: what {@link GridRepair} can attempt to repair.
 */
public record GridReport(List<GridProblem> errors, List<GridProblem> warnings, List<Integer> repairable) {

    public GridReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        repairable = repairable.stream().sorted().toList();
    }

    public GridReport(List<GridProblem> errors, List<GridProblem> warnings) {
        this(errors, warnings, List.of());
    }

    /** True when nothing refuses the import. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
