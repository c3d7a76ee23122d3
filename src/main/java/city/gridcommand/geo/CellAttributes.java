package city.gridcommand.geo;

import java.util.List;

/**
 * The people and households of a cell, as the grid office records them. Every field is optional:
 * {@code households} and {@code population} may be null, {@code workers} is never null (possibly
 * empty) and lists the ids of the grid workers assigned to the cell, {@code leader} is the cell
 * leader's worker id or null.
 */
public record CellAttributes(Integer households, Integer population, List<String> workers, String leader) {

    public static final CellAttributes NONE = new CellAttributes(null, null, List.of(), null);

    public CellAttributes {
        workers = workers == null ? List.of() : List.copyOf(workers);
    }
}
