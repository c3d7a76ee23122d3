package city.gridcommand.locate;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerPosition;
import city.gridcommand.signal.WorkerReport;

/**
 * Puts each signal in its cells: by the coordinates it carries, else by its device's registered
 * position (cached per grid version), and for an acknowledgement by where its worker is counted.
 * Worker positions also go through the worker-cell tracker.
 */
public final class CellPlacer {

    private final LiveGrid grid;
    private final WorkerCellTracker workers;

    public CellPlacer(LiveGrid grid, WorkerCellTracker workers) {
        this.grid = grid;
        this.workers = workers;
    }

    /** The signal's cells (and, for a worker position, the cell changes it settles); never blocks. */
    public Placement place(Signal signal) {
        LiveGrid.Snapshot now = grid.snapshot();
        return switch (signal.source()) {
            case TELEMETRY -> device(now, signal.senderId(), ((Telemetry) signal).position());
            case DETECTION -> device(now, signal.senderId(), ((Detection) signal).position());
            case DEVICE_STATUS -> device(now, signal.senderId(), null);
            case WORKER_REPORT -> Placement.at(locate(now, ((WorkerReport) signal).position()));
            case WORKER_LOCATION -> worker(now, (WorkerPosition) signal);
            case WORKER_ACK, UNKNOWN -> placedOrNot(workers.currentLocation(signal.senderId()));
        };
    }

    private static Placement device(LiveGrid.Snapshot now, String deviceId, Position position) {
        if (position != null) {
            return Placement.at(locate(now, position));
        }
        return placedOrNot(now.devices().get(deviceId));
    }

    private Placement worker(LiveGrid.Snapshot now, WorkerPosition p) {
        CellLocation location = locate(now, p.position());
        return new Placement(location, workers.track(p, location, now.map()));
    }

    private static CellLocation locate(LiveGrid.Snapshot now, Position position) {
        return now.map().locate(position.lat(), position.lon());
    }

    private static Placement placedOrNot(CellLocation location) {
        return location == null ? Placement.UNPLACED : Placement.at(location);
    }
}
