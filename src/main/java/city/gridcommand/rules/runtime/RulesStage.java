package city.gridcommand.rules.runtime;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.ingest.Placement;
import city.gridcommand.ingest.SignalPlacer;
import city.gridcommand.locate.CellPlacer;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.rules.EventTrigger;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.WorkerCellChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Locate, then correlate: puts a signal in its cells, then lets the rules judge it (and the worker cell
 * changes it settled); the triggers travel with the signal and are written in its batch's transaction.
 */
public final class RulesStage implements SignalPlacer {

    private final CellPlacer cells;
    private final RuleEngine rules;

    public RulesStage(CellPlacer cells, RuleEngine rules) {
        this.cells = cells;
        this.rules = rules;
    }

    @Override
    public Placement place(Signal signal) {
        Placement placement = cells.place(signal);
        // unplaced signals still tell the rules their sender is alive (silence), they just raise nothing
        CellLocation at = placement.location() != null ? placement.location() : CellLocation.OUTSIDE;
        List<EventTrigger> triggers = rules.onSignal(signal, at);
        if (!placement.movements().isEmpty()) {
            triggers = new ArrayList<>(triggers);
            for (WorkerCellChange change : placement.movements()) {
                triggers.addAll(rules.onWorkerChange(change, at));
            }
        }
        return placement.withTriggers(triggers);
    }
}
