package city.gridcommand.locate;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.GeoMeasure;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.index.CellIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;

/** A grid version with its spatial index: what the live grid locates with. */
public final class GridMap implements CellMap {

    private static final GeometryFactory POINTS = new GeometryFactory();

    private final Grid grid;
    private final CellIndex index;

    private GridMap(Grid grid, CellIndex index) {
        this.grid = grid;
        this.index = index;
    }

    /** Builds the index; takes a while for a large grid, so do it before swapping the map in. */
    public static GridMap of(Grid grid) {
        return new GridMap(grid, CellIndex.build(grid));
    }

    public Grid grid() {
        return grid;
    }

    @Override
    public CellLocation locate(double lat, double lon) {
        return index.locate(lat, lon);
    }

    @Override
    public double distanceMetres(String cellCode, double lat, double lon) {
        Cell cell = grid.cell(cellCode);
        if (cell == null) {
            return Double.POSITIVE_INFINITY;
        }
        Geometry point = POINTS.createPoint(new Coordinate(lon, lat));
        Coordinate[] nearest = DistanceOp.nearestPoints(cell.geometry(), point);
        return GeoMeasure.distanceMetres(nearest[0], nearest[1]);
    }

    @Override
    public long version() {
        return grid.version();
    }
}
