package city.gridcommand.cases;

import city.gridcommand.geo.CellLevel;
import city.gridcommand.signal.Severity;
import java.util.List;

/**
 * Decides who answers for a case — "小事一格解决，大事全网联动": by default a minor (GREEN) case stays
 * with the cell's own leader, an urgent (YELLOW) one goes to the street centre, a grave (RED) one to the
 * district centre; each category may set its own thresholds in the catalogue ({@code levels}).
 */
public final class Routing {

    private final CategoryCatalogue catalogue;

    public Routing(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The route of a case of this category and severity in the cell path (root first, the base cell
     * last). The centre is the path's cell at the level (by code length, GB/T 2260 6-digit district +
     * 3-digit street); when the path has no cell of that length, the nearest one above it, and the root
     * when there is none. An unknown category is routed as {@value CategoryCatalogue#OTHER}.
     *
     * @throws IllegalArgumentException when the path is empty
     */
    public Route route(String category, Severity severity, List<String> cellPath) {
        if (cellPath == null || cellPath.isEmpty()) {
            throw new IllegalArgumentException("a case needs a cell path to be routed");
        }
        Category resolved = catalogue.resolve(category);
        CaseLevel level = resolved.levelFor(severity);
        String baseCell = cellPath.get(cellPath.size() - 1);
        return switch (level) {
            case CELL -> new Route(level, baseCell, Assignee.leaderOf(baseCell), resolved.department());
            case STREET -> new Route(level, centre(cellPath, CellLevel.STREET), department(resolved),
                    resolved.department());
            case DISTRICT -> new Route(level, centre(cellPath, CellLevel.DISTRICT), department(resolved),
                    resolved.department());
        };
    }

    private static Assignee department(Category category) {
        return Assignee.department(category.department());
    }

    /** The deepest cell of the path whose code is no longer than the level's, else the root. */
    private static String centre(List<String> cellPath, CellLevel level) {
        String centre = cellPath.get(0);
        for (String code : cellPath) {
            if (code.length() <= level.codeLength()) {
                centre = code;
            }
        }
        return centre;
    }
}
