package city.gridcommand.store;

import city.gridcommand.signal.Severity;

/**
 * How a new case starts, as the case domain decides: the catalogue's category (unknown codes become
 * {@code other}), its severity (the reporter's, else GREEN), the level that answers for it (cell, street,
 * district), its department, and the step whose deadline runs first with that deadline.
 */
public interface CaseOpening {

    /** A case's first state. */
    record Opening(String category, Severity severity, String level, String department, String step,
            Long deadline) {
    }

    /** {@code cellPath} root first; {@code requested} may be null. */
    Opening open(String category, Severity requested, java.util.List<String> cellPath, long now);
}
