package city.gridcommand.geo.check;

import city.gridcommand.geo.GridProblem;
import java.util.List;

/**
 * The verdict on an import: errors refuse it, warnings are worth showing but do not. Both are in
 * feature order (problems about no one feature first), then in the order the checks run.
 */
public record GridReport(List<GridProblem> errors, List<GridProblem> warnings) {

    public GridReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when nothing refuses the import. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
