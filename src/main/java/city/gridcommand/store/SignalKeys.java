package city.gridcommand.store;

import city.gridcommand.signal.Detection;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerPosition;

/**
 * A signal's identity in its table (the columns of its unique key, V1__ingest.sql), as text the
 * insert's RETURNING rows are compared with: only a signal new to the database may raise or join an
 * event, so a redelivered duplicate is never counted twice.
 */
final class SignalKeys {

    private SignalKeys() {
    }

    /** The RETURNING columns of a feed whose signals may carry rule triggers, or null. */
    static String columns(SignalSource source) {
        return switch (source) {
            case TELEMETRY -> "device_id, ts, seq";
            case DETECTION -> "camera_id, seq";
            case WORKER_LOCATION -> "worker_id, ts, seq";
            case DEVICE_STATUS -> "device_id, ts";
            default -> null;
        };
    }

    /** The same values, in the same order, from the signal. */
    static String of(Signal signal) {
        return switch (signal.source()) {
            case TELEMETRY -> signal.senderId() + "/" + signal.ts() + "/" + ((Telemetry) signal).seq();
            case DETECTION -> signal.senderId() + "/" + ((Detection) signal).seq();
            case WORKER_LOCATION -> signal.senderId() + "/" + signal.ts() + "/" + ((WorkerPosition) signal).seq();
            case DEVICE_STATUS -> signal.senderId() + "/" + ((DeviceStatus) signal).ts();
            default -> throw new IllegalArgumentException("no key for " + signal.source());
        };
    }
}
