package city.gridcommand.ingest;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.rules.EventTrigger;
import city.gridcommand.signal.WorkerCellChange;
import java.util.List;

/**
 * Where a signal belongs in the grid and what follows from it, all stored with it in one transaction:
 * its cells ({@code location}, null when no position is known for it: no coordinates and no registered
 * position), for a worker position the cell changes it settles, and the event triggers the rules drew
 * from it.
 */
public record Placement(CellLocation location, List<WorkerCellChange> movements, List<EventTrigger> triggers) {

    public static final Placement UNPLACED = new Placement(null, List.of(), List.of());

    public Placement(CellLocation location, List<WorkerCellChange> movements) {
        this(location, movements, List.of());
    }

    public static Placement at(CellLocation location) {
        return new Placement(location, List.of(), List.of());
    }

    /** The same placement with the rules' triggers. */
    public Placement withTriggers(List<EventTrigger> found) {
        return found.isEmpty() ? this : new Placement(location, movements, found);
    }

    public boolean placed() {
        return location != null;
    }

    /** Placed, but in no base cell. */
    public boolean outside() {
        return location != null && location.outside();
    }
}
