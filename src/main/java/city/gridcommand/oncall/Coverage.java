package city.gridcommand.oncall;

/**
 * What a schedule promises: {@code 24/7}, someone at every hour (a gap is reported as a warning), or
 * {@code partial}, some hours only (gaps are expected and the next schedule up the cell path answers).
 */
public enum Coverage {
    ALWAYS("24/7"),
    PARTIAL("partial");

    private final String wireName;

    Coverage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The coverage of this wire name, or null. */
    public static Coverage fromWire(String name) {
        for (Coverage c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
