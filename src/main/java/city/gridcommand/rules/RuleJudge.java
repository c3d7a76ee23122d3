package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.WorkerCellChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The judge stage of the path: lets the rules judge a placed signal and the worker cell changes it
 * settled. An unplaced signal still tells the rules its sender is alive (silence); it just raises nothing.
 */
public final class RuleJudge {

    private final RuleEngine rules;

    public RuleJudge(RuleEngine rules) {
        this.rules = rules;
    }

    public List<EventTrigger> judge(Signal signal, Placement placement) {
        CellLocation at = placement.location() != null ? placement.location() : CellLocation.OUTSIDE;
        List<EventTrigger> triggers = rules.onSignal(signal, at);
        if (!placement.movements().isEmpty()) {
            triggers = new ArrayList<>(triggers);
            for (WorkerCellChange change : placement.movements()) {
                triggers.addAll(rules.onWorkerChange(change, at));
            }
        }
        return triggers;
    }
}
