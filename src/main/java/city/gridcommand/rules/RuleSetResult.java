package city.gridcommand.rules;

import java.util.List;

/** A parsed rule set, or every problem that refuses it: never both, never a part of a set. */
public record RuleSetResult(RuleSet ruleSet, List<RuleProblem> problems) {

    public RuleSetResult {
        problems = List.copyOf(problems);
        if ((ruleSet == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a result is a rule set or its problems");
        }
    }

    public static RuleSetResult accepted(RuleSet ruleSet) {
        return new RuleSetResult(ruleSet, List.of());
    }

    public static RuleSetResult refused(List<RuleProblem> problems) {
        return new RuleSetResult(null, problems);
    }

    public boolean accepted() {
        return ruleSet != null;
    }
}
