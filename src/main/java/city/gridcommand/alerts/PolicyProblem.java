package city.gridcommand.alerts;

/** What is wrong with a policy set, at a field path ({@code policies[1].steps[0].notify}). */
public record PolicyProblem(String field, String message) {
}
