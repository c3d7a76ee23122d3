package city.gridcommand.geo;

import java.util.List;

/**
 * What reading an import body gave: the cells that could be read, each with its feature position, and
 * the problems of the features that could not (those features have no cell here). A body that is not
 * a FeatureCollection at all gives no cells and a single problem.
 */
public record GridImport(List<CellFeature> cells, List<GridProblem> problems) {

    public GridImport {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }

    /** The cells alone, in feature order: what is stored once the import is accepted. */
    public List<Cell> cellList() {
        return cells.stream().map(CellFeature::cell).toList();
    }
}
