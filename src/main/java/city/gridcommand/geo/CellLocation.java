package city.gridcommand.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a point lies: its base cell and the path of the base hierarchy down to it (root first, the
 * base cell last, e.g. {@code [440305, 440305001, 440305001002, 440305001002005]}), plus the special
 * and overlay cells that contain it, each in ascending code order. A point inside no base cell is
 * {@linkplain #outside() outside}: no base cell and an empty path, though it may still lie in a
 * special or overlay cell.
 */
public record CellLocation(String baseCell, List<String> path, List<String> special, List<String> overlay) {

    public static final CellLocation OUTSIDE = new CellLocation(null, List.of(), List.of(), List.of());

    public CellLocation {
        path = List.copyOf(path);
        special = List.copyOf(special);
        overlay = List.copyOf(overlay);
    }

    public boolean outside() {
        return baseCell == null;
    }

    /**
     * Every cell containing the point in the order the locate API gives them: the base cell first, then
     * its ancestors up to the root, then special and overlay cells.
     */
    public List<String> cellsBaseFirst() {
        List<String> cells = new ArrayList<>(path.size() + special.size() + overlay.size());
        for (int i = path.size() - 1; i >= 0; i--) {
            cells.add(path.get(i));
        }
        cells.addAll(special);
        cells.addAll(overlay);
        return cells;
    }

    /** The path root first, then special and overlay cells: what a stored signal carries. */
    public List<String> storedPath() {
        if (special.isEmpty() && overlay.isEmpty()) {
            return path;
        }
        List<String> cells = new ArrayList<>(path.size() + special.size() + overlay.size());
        cells.addAll(path);
        cells.addAll(special);
        cells.addAll(overlay);
        return cells;
    }
}
