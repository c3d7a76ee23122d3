package city.gridcommand.ingest;

import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Signal;

/** The locate stage: puts a decoded signal in its cells. Must not block and must not throw for a valid signal. */
@FunctionalInterface
public interface Locator {

    Placement place(Signal signal);

    /** No grid: nothing is placed. */
    Locator NONE = signal -> Placement.UNPLACED;
}
