package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;

/** How the rules word their verdicts: a trigger of a rule in the base cell a signal was placed in. */
final class RuleTriggers {

    private RuleTriggers() {
    }

    /** A trigger of {@code rule} in the base cell of {@code at}, which must be {@linkplain #placed placed}. */
    static EventTrigger of(Rule rule, CellLocation at, TriggerSource source, long now) {
        return new EventTrigger(rule.id(), rule.category(), rule.severity(), rule.department(), at.baseCell(),
                at.path(), source, now);
    }

    /** Whether a location names a base cell: triggers are only raised where there is one. */
    static boolean placed(CellLocation location) {
        return location != null && !location.outside();
    }
}
