package city.gridcommand.rules;

/**
 * One reason a rule set is refused: the rule's position in {@code rules} ({@code -1} for the document
 * itself), its id when it has a readable one (else null), the field at fault and what is wrong with it.
 */
public record RuleProblem(int index, String id, String field, String detail) {

    @Override
    public String toString() {
        String where = index < 0 ? "document" : "rules[" + index + "]" + (id == null ? "" : " (" + id + ")");
        return where + " " + field + ": " + detail;
    }
}
