package city.gridcommand.ingest;

import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Signal;

/**
 * Told of every signal the pipeline has placed and judged, before it is written: what live screens show of
 * workers and devices as it happens (positions, statuses), not the durable record. Must return at once.
 */
@FunctionalInterface
public interface PlacedSignals {

    PlacedSignals NONE = (signal, placement) -> { };

    void placed(Signal signal, Placement placement);
}
