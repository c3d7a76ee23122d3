package city.gridcommand.event;

import city.gridcommand.signal.Signal;
import java.util.Locale;

/** The kind of sender behind a signal, as trigger sources and silence rules name it. */
public enum SourceKind {
    SENSOR, CAMERA, WORKER,
    /** A sender seen only through its status (online flag or last will), whose feed is not yet known. */
    DEVICE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static SourceKind fromWire(String name) {
        for (SourceKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /** Reports and acks come from the same terminal as positions, so they count as the worker's. */
    public static SourceKind of(Signal signal) {
        return switch (signal.source()) {
            case TELEMETRY -> SENSOR;
            case DETECTION -> CAMERA;
            case WORKER_LOCATION, WORKER_REPORT, WORKER_ACK -> WORKER;
            case DEVICE_STATUS, UNKNOWN -> DEVICE;
        };
    }
}
