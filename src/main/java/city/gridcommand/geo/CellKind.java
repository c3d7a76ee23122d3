package city.gridcommand.geo;

import city.gridcommand.signal.WireNames;

/**
 * What a cell is for. Base cells (基础网格) and their ancestors partition the city; special cells
 * (专属网格: a school, a hospital, a market) lie inside a base-hierarchy cell; overlay cells
 * (业务网格: a police beat) are laid over several base cells.
 */
public enum CellKind {
    BASE, SPECIAL, OVERLAY;

    /** The lower-case name used in GeoJSON and the API. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The kind for a wire name, or null if there is none. */
    public static CellKind fromWire(String name) {
        return WireNames.parse(CellKind.class, name);
    }
}
