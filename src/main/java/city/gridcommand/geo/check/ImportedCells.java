package city.gridcommand.geo.check;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellFeature;
import city.gridcommand.geo.GeoMeasure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cells under validation, indexed once for every check: by code (the first feature with a code
 * wins), children by parent, with each cell's area measured on first use. Cells are addressed by
 * their position in the list, which is not their feature number when some features were refused.
 */
final class ImportedCells {

    private final List<CellFeature> cells;
    private final boolean[] validGeometry;
    private final double[] areas;
    private final Map<String, Integer> byCode;
    private final Map<Integer, List<Integer>> children = new HashMap<>();

    ImportedCells(List<CellFeature> cells, boolean[] validGeometry) {
        this.cells = cells;
        this.validGeometry = validGeometry;
        this.areas = new double[cells.size()];
        Arrays.fill(areas, Double.NaN);
        this.byCode = new HashMap<>(cells.size() * 2);
        for (int i = 0; i < cells.size(); i++) {
            byCode.putIfAbsent(cell(i).code(), i);
        }
        for (int i = 0; i < cells.size(); i++) {
            Integer parent = parentOf(i);
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(i);
            }
        }
    }

    int size() {
        return cells.size();
    }

    Cell cell(int position) {
        return cells.get(position).cell();
    }

    int feature(int position) {
        return cells.get(position).feature();
    }

    /** True when the cell's geometry passed {@link GeometryCheck}: safe for overlay operations. */
    boolean validGeometry(int position) {
        return validGeometry[position];
    }

    /** The position of the cell with this code, or null. */
    Integer positionOf(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** The position of the cell's parent, or null when it has none or the parent is absent. */
    Integer parentOf(int position) {
        return positionOf(cell(position).parent());
    }

    /** By parent position, the positions of the cells naming it as parent, in feature order. */
    Map<Integer, List<Integer>> parentsWithChildren() {
        return children;
    }

    /** Area in m² of a cell with valid geometry. */
    double area(int position) {
        if (Double.isNaN(areas[position])) {
            areas[position] = GeoMeasure.areaSquareMetres(cell(position).geometry());
        }
        return areas[position];
    }

    /** "feature 3 (440305001002)": how a detail names a cell. */
    String describe(int position) {
        return "feature " + feature(position) + " (" + cell(position).code() + ")";
    }

    static String squareMetres(double area) {
        return String.format(Locale.ROOT, "%.1f m²", area);
    }
}
