package city.gridcommand.grid;

import city.gridcommand.geo.GridProblem;
import java.util.List;

/** An import that is now the current grid: its version, cell count and the warnings it raised (gaps). */
public record GridImported(long version, int cells, List<GridProblem> warnings) {
}
