package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import java.util.HashMap;
import java.util.Map;

/** Evaluates a composite rule over the triggers of the other rules in one cell. */
public final class CompositeEvaluation {

    private CompositeEvaluation() {
    }

    /**
     * The next window of the trigger's cell and, when enough distinct sources (or kinds) are inside it,
     * the composite trigger, in the same cell, carrying the source that completed it. It is raised again
     * for every further counted trigger while the window holds enough: each says the cell still has it.
     */
    public static Outcome<CompositeWindow> onTrigger(CompositeRule rule, CompositeWindow window, EventTrigger trigger,
            long now) {
        if (!rule.counts(trigger.category())) {
            return Outcome.of(window);
        }
        Map<String, CompositeWindow.Contribution> inside = inside(rule, window, now);
        inside.put(trigger.source().key(), new CompositeWindow.Contribution(trigger.source().kind(), trigger.ts()));
        CompositeWindow next = new CompositeWindow(inside);
        if (next.distinct(rule.distinct()) < rule.atLeast()) {
            return Outcome.of(next);
        }
        EventTrigger raised = new EventTrigger(rule.id(), rule.category(), rule.severity(), rule.department(),
                trigger.cell(), trigger.cellPath(), trigger.source(), now);
        return new Outcome<>(next, raised);
    }

    /** The window without what has fallen out of it; null when nothing is left (the cell keeps no state). */
    public static CompositeWindow expire(CompositeRule rule, CompositeWindow window, long now) {
        Map<String, CompositeWindow.Contribution> inside = inside(rule, window, now);
        if (inside.isEmpty()) {
            return null;
        }
        return inside.size() == window.bySource().size() ? window : new CompositeWindow(inside);
    }

    private static Map<String, CompositeWindow.Contribution> inside(CompositeRule rule, CompositeWindow window,
            long now) {
        Map<String, CompositeWindow.Contribution> inside = new HashMap<>();
        if (window == null) {
            return inside;
        }
        long from = now - rule.window().toMillis();
        for (Map.Entry<String, CompositeWindow.Contribution> entry : window.bySource().entrySet()) {
            if (entry.getValue().at() >= from) {
                inside.put(entry.getKey(), entry.getValue());
            }
        }
        return inside;
    }
}
