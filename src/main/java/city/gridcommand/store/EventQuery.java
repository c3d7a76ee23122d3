package city.gridcommand.store;

import java.util.List;

/**
 * A page of events: under {@code cell} (any cell: its subtree, or a special/overlay cell), whose base cell
 * starts with one of the codes of {@code within} (the caller's cells: each code a cell and everything
 * under it; null: anywhere), in a state, open or not, of a severity and a category, reported in [from, to); newest
 * first, {@code before} the cursor ({@code createdAt/id} of the last event of the previous page). Null
 * fields do not filter; an empty {@code within} matches nothing.
 */
public record EventQuery(String cell, List<String> within, String state, Boolean open, String severity,
        String category, Long from, Long to, String before, int limit) {

    public EventQuery {
        within = within == null ? null : List.copyOf(within);
    }
}
