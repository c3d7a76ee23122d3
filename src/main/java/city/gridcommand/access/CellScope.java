package city.gridcommand.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cells a caller may see: each code stands for that cell and everything under it (a street's code is
 * the prefix of its communities', base cells' and special cells' codes, so "under" is "starts with"), or
 * everything ({@code *}, a city-wide account). A scope never widens by itself: a cell outside it is
 * refused, not cut.
 */
public final class CellScope {

    /** Every cell. */
    public static final CellScope EVERYWHERE = new CellScope(true, List.of());
    /** No cell: a token without a cells claim sees nothing cell-bound. */
    public static final CellScope NOWHERE = new CellScope(false, List.of());

    private static final Pattern CODE = Pattern.compile("[0-9]{1,32}");

    private final boolean everywhere;
    private final List<String> roots;

    private CellScope(boolean everywhere, List<String> roots) {
        this.everywhere = everywhere;
        this.roots = roots;
    }

    /**
     * The scope of a token's cells claim: {@code *} anywhere in it means everywhere; a code under another
     * one in the list is dropped (it adds nothing).
     *
     * @throws IllegalArgumentException naming the first entry that is neither {@code *} nor a cell code
     */
    public static CellScope of(Collection<String> cells) {
        if (cells == null || cells.isEmpty()) {
            return NOWHERE;
        }
        List<String> codes = new ArrayList<>();
        for (String cell : cells) {
            String code = cell == null ? "" : cell.trim();
            if (code.equals("*")) {
                return EVERYWHERE;
            }
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("'" + cell + "' is neither '*' nor a cell code");
            }
            codes.add(code);
        }
        List<String> roots = new ArrayList<>();
        for (String code : codes) {
            boolean covered = codes.stream().anyMatch(other -> !other.equals(code) && code.startsWith(other))
                    || roots.contains(code);
            if (!covered) {
                roots.add(code);
            }
        }
        Collections.sort(roots);
        return new CellScope(false, List.copyOf(roots));
    }

    public boolean everywhere() {
        return everywhere;
    }

    /** The cells the scope is made of, each with everything under it; empty when everywhere. */
    public List<String> roots() {
        return roots;
    }

    /** Whether the cell (any level or kind) is in the scope. A null cell (outside the grid) only everywhere. */
    public boolean covers(String cell) {
        if (everywhere) {
            return true;
        }
        if (cell == null) {
            return false;
        }
        for (String root : roots) {
            if (cell.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The scope narrowed to one cell asked for: that cell if it is in the scope; the scope's own roots
     * under it if it is wider (a district asked by a street's account: the street); empty when they do not
     * meet.
     */
    public CellScope within(String cell) {
        if (covers(cell)) {
            return of(List.of(cell));
        }
        List<String> under = roots.stream().filter(root -> root.startsWith(cell)).toList();
        return under.isEmpty() ? NOWHERE : new CellScope(false, under);
    }

    /** Whether the scope holds no cell at all. */
    public boolean isEmpty() {
        return !everywhere && roots.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellScope other && other.everywhere == everywhere && other.roots.equals(roots);
    }

    @Override
    public int hashCode() {
        return everywhere ? 1 : roots.hashCode();
    }

    @Override
    public String toString() {
        return everywhere ? "*" : String.join(",", roots);
    }
}
