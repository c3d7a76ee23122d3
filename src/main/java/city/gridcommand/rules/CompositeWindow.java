package city.gridcommand.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per (composite rule, cell): the newest contribution of each distinct source still inside the window,
 * keyed by {@link TriggerSource#key()}. One entry per source, so its size is bounded by the senders in
 * the cell, not by how often they report.
 */
public record CompositeWindow(Map<String, Contribution> bySource) {

    /** A source's kind and when (service clock) its newest counted trigger came. */
    public record Contribution(String kind, long at) {
    }

    public CompositeWindow {
        bySource = Map.copyOf(bySource);
    }

    /** How many distinct sources or source kinds the window holds. */
    public int distinct(CompositeRule.Distinct distinct) {
        if (distinct == CompositeRule.Distinct.SOURCES) {
            return bySource.size();
        }
        Set<String> kinds = new HashSet<>();
        for (Contribution contribution : bySource.values()) {
            kinds.add(contribution.kind());
        }
        return kinds.size();
    }
}
