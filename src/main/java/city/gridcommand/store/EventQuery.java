package city.gridcommand.store;

/**
 * A page of events: under {@code cell} (any cell: its subtree, or a special/overlay cell), in a state,
 * of a severity and a category, reported in [from, to); newest first, {@code before} the cursor
 * ({@code createdAt/id} of the last event of the previous page). Null fields do not filter.
 */
public record EventQuery(String cell, String state, String severity, String category, Long from, Long to,
        String before, int limit) {
}
