package city.gridcommand.store;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.locate.Placement;

/** How a signal's placement is written: the base cell, and the cell path as one comma-separated text. */
final class CellColumns {

    private CellColumns() {
    }

    static String cell(Placement placement) {
        return placement == null || placement.location() == null ? null : placement.location().baseCell();
    }

    /** Empty text (an empty array once split) when the signal is in no cell. */
    static String path(Placement placement) {
        if (placement == null || placement.location() == null) {
            return "";
        }
        CellLocation location = placement.location();
        return String.join(",", location.storedPath());
    }
}
