package city.gridcommand.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * One grid cell: its code, name, level and kind, its parent's code (null only for a root, normally
 * the district) and its area, a JTS Polygon or MultiPolygon in WGS84 with x = longitude and
 * y = latitude.
 */
public record Cell(String code, String name, CellLevel level, CellKind kind, String parent, Geometry geometry,
        CellAttributes attributes) {

    public Cell {
        attributes = attributes == null ? CellAttributes.NONE : attributes;
    }

    /** A base cell (基础网格): the grid-level cells of the base hierarchy, which tile the city. */
    public boolean isBaseCell() {
        return kind == CellKind.BASE && level == CellLevel.GRID;
    }
}
