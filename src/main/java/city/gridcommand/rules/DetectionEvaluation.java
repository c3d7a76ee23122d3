package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Detection;

/** Evaluates a detection rule: stateless, every matching detection in a cell is a trigger. */
public final class DetectionEvaluation {

    private DetectionEvaluation() {
    }

    /** The trigger for {@code detection} placed {@code at}, or null when it does not match or has no cell. */
    public static EventTrigger evaluate(DetectionRule rule, Detection detection, CellLocation at, long now) {
        if (!rule.matches(detection) || !RuleTriggers.placed(at)) {
            return null;
        }
        return RuleTriggers.of(rule, at, TriggerSource.of(detection), now);
    }
}
