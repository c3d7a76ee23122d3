package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.WorkerCellChange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The judge stage of the path: lets the rules judge a placed signal and the worker cell changes it
 * settled. An unplaced signal still tells the rules its sender is alive (silence); it just raises nothing.
 */
public final class RuleJudge {

    private final RuleEngine rules;
    private final Consumer<EventTrigger> fired;

    public RuleJudge(RuleEngine rules) {
        this(rules, trigger -> { });
    }

    /**
     * {@code fired} is told of every trigger the rules raise here (e.g. to count each rule's raise rate):
     * a trigger is a rule firing, whether its write then raises a new event or joins the open one of the
     * cell and category, and it is told before the write (a redelivered message's triggers are told again).
     */
    public RuleJudge(RuleEngine rules, Consumer<EventTrigger> fired) {
        this.rules = rules;
        this.fired = fired;
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
        for (int i = 0; i < triggers.size(); i++) {
            fired.accept(triggers.get(i));
        }
        return triggers;
    }
}
