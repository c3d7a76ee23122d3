package city.gridcommand.locate;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.WorkerCellChange;
import java.util.List;

/**
 * Where a signal belongs in the grid: its cells ({@code location}, null when no position is known for it:
 * no coordinates and no registered position) and, for a worker position, the cell changes it settles.
 * Both are stored with the signal in one transaction.
 */
public record Placement(CellLocation location, List<WorkerCellChange> movements) {

    public static final Placement UNPLACED = new Placement(null, List.of());

    public static Placement at(CellLocation location) {
        return new Placement(location, List.of());
    }

    public boolean placed() {
        return location != null;
    }

    /** Placed, but in no base cell. */
    public boolean outside() {
        return location != null && location.outside();
    }
}
