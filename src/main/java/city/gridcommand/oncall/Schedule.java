package city.gridcommand.oncall;

import java.util.List;
import java.util.Objects;

/**
 * An on-call schedule (值班表): who answers for {@code department} (null: for no department) in the subtree
 * of {@code cell}, by its layers (the last layer in the list that has someone wins, as in PagerDuty, where
 * the lowest layer shown wins), with holidays above the layers and overrides above everything.
 */
public record Schedule(String id, String name, String department, String cell, Coverage coverage,
        List<Layer> layers, List<ShiftOverride> overrides, List<Holiday> holidays) {

    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(coverage, "coverage");
        layers = List.copyOf(layers);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** Whether this schedule answers for the department (both null, or equal). */
    public boolean answersFor(String dept) {
        return Objects.equals(department, dept);
    }
}
