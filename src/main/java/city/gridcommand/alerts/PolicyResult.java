package city.gridcommand.alerts;

import java.util.List;

/** A parsed policy set, or the problems that refuse it (then {@code policies} is null). */
public record PolicyResult(PolicySet policies, List<PolicyProblem> problems) {

    public PolicyResult {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
