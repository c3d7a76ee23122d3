package city.gridcommand.api;

import city.gridcommand.access.CellScope;

/**
 * The {@code scope} of a statistics request: the cell asked for, if the caller's cells cover it (403
 * naming it when they do not: figures are refused, never silently cut to the caller's part); without one,
 * the caller's one cell when their token names exactly one, null (the whole city) for a caller of every
 * cell, else 400 asking for {@code scope}.
 */
final class StatsScope {

    private StatsScope() {
    }

    static String of(String scope, CellScope cells) {
        String asked = scope == null || scope.isBlank() ? null : scope.trim();
        if (asked != null) {
            if (!cells.covers(asked)) {
                throw ProblemException.outsideScope("scope", asked, cells);
            }
            return asked;
        }
        if (cells.everywhere()) {
            return null;
        }
        if (cells.roots().size() == 1) {
            return cells.roots().get(0);
        }
        throw ProblemException.badField("scope", cells.isEmpty()
                ? "your token names no cells, so there are no stats for you to see"
                : "your token names several cells (" + cells + "): name one of them, or a cell under it, in 'scope'");
    }
}
