package city.gridcommand.cases;

import java.util.Locale;

/**
 * Where a case came from (信息收集): a grid worker's terminal, a sensor or an AI camera through the
 * rules, the citizens' hotline, or a command screen. Wire name: lower case.
 */
public enum ReporterKind {
    WORKER, SENSOR, CAMERA, HOTLINE, SCREEN;

    /** Whether the case was raised by a machine through the rules (may be registered automatically). */
    public boolean isMachine() {
        return this == SENSOR || this == CAMERA;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a wire name, or null if there is none. */
    public static ReporterKind fromWire(String name) {
        for (ReporterKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
