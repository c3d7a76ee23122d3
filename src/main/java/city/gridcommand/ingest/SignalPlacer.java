package city.gridcommand.ingest;

import city.gridcommand.signal.Signal;

/**
 * The locate stage as ingest sees it: puts a decoded signal in its cells. Must not block and must not
 * throw for any valid signal.
 */
public interface SignalPlacer {

    Placement place(Signal signal);

    /** No grid: nothing is placed. */
    SignalPlacer NONE = signal -> Placement.UNPLACED;
}
