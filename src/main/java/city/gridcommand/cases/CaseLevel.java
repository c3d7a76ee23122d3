package city.gridcommand.cases;

import java.util.Locale;

/**
 * Which centre answers for a case: the cell itself (its leader), the street centre or the district
 * centre — "小事一格解决，大事全网联动": small matters stay in the cell, large ones go up. Wire name:
 * lower case.
 */
public enum CaseLevel {
    CELL, STREET, DISTRICT;

    /** One level up; the district is the top. */
    public CaseLevel up() {
        return this == CELL ? STREET : DISTRICT;
    }

    /** The higher of the two levels. */
    public CaseLevel atLeast(CaseLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level for a wire name, or null if there is none. */
    public static CaseLevel fromWire(String name) {
        for (CaseLevel level : values()) {
            if (level.wireName().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
