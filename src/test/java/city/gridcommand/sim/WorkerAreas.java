package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import city.gridcommand.registry.Worker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** Each worker's area (the base cells under the cells assigned to them) and how far a point lies outside it. */
final class WorkerAreas {

    private final Map<String, PreparedGeometry> areas = new HashMap<>();

    WorkerAreas(DemoCity city) {
        for (Worker worker : city.workers()) {
            List<Geometry> cells = new ArrayList<>();
            for (Cell cell : city.cells()) {
                if (cell.isBaseCell() && worker.cells().stream().anyMatch(code -> cell.code().startsWith(code))) {
                    cells.add(cell.geometry());
                }
            }
            areas.put(worker.id(), PreparedGeometryFactory.prepare(UnaryUnionOp.union(cells)));
        }
    }

    /** Metres from the point to the worker's area; 0 inside. */
    double metresOutside(String workerId, double lon, double lat) {
        PreparedGeometry area = areas.get(workerId);
        Point point = Polygons.FACTORY.createPoint(new Coordinate(lon, lat));
        if (area.covers(point)) {
            return 0;
        }
        Coordinate[] nearest = DistanceOp.nearestPoints(area.getGeometry(), point);
        return Polygons.metres(nearest[0], nearest[1]);
    }
}
