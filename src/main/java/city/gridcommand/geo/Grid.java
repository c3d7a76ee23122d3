package city.gridcommand.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the city's grid: every cell by code, with each cell's children and the path of the
 * base hierarchy from the root down to it. Immutable; built once per import and shared by readers.
 * The cells are assumed valid ({@link GridValidator} has passed them): every parent exists.
 */
public final class Grid {

    private final long version;
    private final List<Cell> cells;
    private final Map<String, Cell> byCode;
    private final Map<String, List<Cell>> children;
    private final Map<String, List<String>> paths;

    public Grid(long version, List<Cell> cells) {
        this.version = version;
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparing(Cell::code));
        this.cells = Collections.unmodifiableList(sorted);
        this.byCode = new HashMap<>(sorted.size() * 2);
        this.children = new HashMap<>();
        for (Cell cell : sorted) {
            byCode.put(cell.code(), cell);
            if (cell.parent() != null) {
                children.computeIfAbsent(cell.parent(), p -> new ArrayList<>()).add(cell);
            }
        }
        children.replaceAll((code, list) -> List.copyOf(list));
        this.paths = new HashMap<>(sorted.size() * 2);
        for (Cell cell : sorted) {
            paths.put(cell.code(), List.copyOf(ancestry(cell)));
        }
    }

    /** An empty grid: every point is outside. */
    public static Grid empty() {
        return new Grid(0, List.of());
    }

    /** The import version this grid came from (0 for none). */
    public long version() {
        return version;
    }

    /** Every cell, in ascending code order. */
    public List<Cell> cells() {
        return cells;
    }

    public Cell cell(String code) {
        return byCode.get(code);
    }

    /** The cell's direct children in ascending code order (empty for a leaf or an unknown code). */
    public List<Cell> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** Codes from the root down to this cell, inclusive (empty for an unknown code). */
    public List<String> path(String code) {
        return paths.getOrDefault(code, List.of());
    }

    public int size() {
        return cells.size();
    }

    private List<String> ancestry(Cell cell) {
        List<String> path = new ArrayList<>(4);
        Cell at = cell;
        while (at != null && path.size() <= byCode.size()) {
            path.add(at.code());
            at = at.parent() == null ? null : byCode.get(at.parent());
        }
        Collections.reverse(path);
        return path;
    }
}
