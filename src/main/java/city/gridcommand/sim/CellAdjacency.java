package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which base cells touch which: the graph that keeps a grid worker's cells contiguous and lets patrols walk
 * from a cell into its neighbour. Cells touching at a corner count too: a walker can pass there.
 */
final class CellAdjacency {

    private final Map<String, List<String>> neighbours;

    private CellAdjacency(Map<String, List<String>> neighbours) {
        this.neighbours = neighbours;
    }

    /** The adjacency of the given cells (in practice the base cells, which tile the district). */
    static CellAdjacency of(List<Cell> cells) {
        STRtree index = new STRtree();
        for (Cell cell : cells) {
            index.insert(cell.geometry().getEnvelopeInternal(), cell);
        }
        Map<String, List<String>> neighbours = new HashMap<>(cells.size() * 2);
        for (Cell cell : cells) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(cell.geometry());
            List<String> touching = new ArrayList<>();
            for (Object candidate : index.query(cell.geometry().getEnvelopeInternal())) {
                Cell other = (Cell) candidate;
                if (other != cell && prepared.intersects(other.geometry())) {
                    touching.add(other.code());
                }
            }
            touching.sort(null); // the index's answer order is an implementation detail; codes are stable
            neighbours.put(cell.code(), List.copyOf(touching));
        }
        return new CellAdjacency(neighbours);
    }

    /** The codes of the cells touching this one, ascending (empty for an unknown code). */
    List<String> neighbours(String code) {
        return neighbours.getOrDefault(code, List.of());
    }
}
