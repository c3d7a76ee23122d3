package city.gridcommand.grid;

import city.gridcommand.geo.GridProblem;
import city.gridcommand.geo.check.GeometryRepair;
import java.util.List;

/**
 * An import that is now the current grid: its version, cell count, the warnings it raised (gaps) and,
 * when repair was asked for, what was repaired.
 */
public record GridImported(long version, int cells, List<GridProblem> warnings, List<GeometryRepair> repairs) {
}
