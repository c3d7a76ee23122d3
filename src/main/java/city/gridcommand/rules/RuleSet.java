package city.gridcommand.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules in force, in their declared order; ids are unique. Build one from JSON with {@link RuleSetParser}. */
public record RuleSet(List<Rule> rules) {

    public static final RuleSet EMPTY = new RuleSet(List.of());

    public RuleSet {
        rules = List.copyOf(rules);
        Map<String, Rule> seen = new HashMap<>();
        for (Rule rule : rules) {
            if (seen.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("duplicate rule id " + rule.id());
            }
        }
    }

    /** The rule with this id, or null. */
    public Rule byId(String id) {
        for (Rule rule : rules) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        return null;
    }
}
