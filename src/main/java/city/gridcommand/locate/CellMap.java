package city.gridcommand.locate;

import city.gridcommand.geo.CellLocation;

/** What placing signals needs of the current grid: locate a point, and how far a point is from a cell. */
public interface CellMap {

    CellLocation locate(double lat, double lon);

    /** Metres from the point to the cell's area (0 inside it); infinite for an unknown cell. */
    double distanceMetres(String cellCode, double lat, double lon);

    /** The grid version this map belongs to. */
    long version();
}
