package city.gridcommand.geo;

import city.gridcommand.signal.WireNames;

/**
 * Where a cell sits in the administrative hierarchy, with the code length of a base-hierarchy cell at
 * that level: 6-digit district (GB/T 2260) + 3-digit street + 3-digit community + 3-digit grid.
 */
public enum CellLevel {
    DISTRICT(6), STREET(9), COMMUNITY(12), GRID(15);

    private final int codeLength;

    CellLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    /** Length of the code of a base-hierarchy cell at this level. */
    public int codeLength() {
        return codeLength;
    }

    /** The lower-case name used in GeoJSON and the API ({@code district}, {@code street}, …). */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The level for a wire name, or null if there is none. */
    public static CellLevel fromWire(String name) {
        return WireNames.parse(CellLevel.class, name);
    }
}
