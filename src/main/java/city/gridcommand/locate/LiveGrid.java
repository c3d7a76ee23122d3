package city.gridcommand.locate;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.signal.Position;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The grid in force: its cells, its locator, and the cells of every fixed device under it. A new grid
 * is swapped in atomically, with every fixed device re-located first, so readers never pause and never
 * see a device located on an old grid. Grid swaps and device moves are rare and serialised.
 */
public final class LiveGrid {

    /** One consistent view: readers take it once per signal. */
    public record Snapshot(Grid grid, CellMap map, Map<String, CellLocation> devices) {
    }

    private final Map<String, Position> devicePositions = new HashMap<>();
    private final AtomicReference<Snapshot> current;

    public LiveGrid(Grid grid, CellMap map) {
        current = new AtomicReference<>(new Snapshot(grid, map, new ConcurrentHashMap<>()));
    }

    public Snapshot snapshot() {
        return current.get();
    }

    /** Puts a new grid in force once every fixed device has been located on it. */
    public synchronized void swap(Grid grid, CellMap map) {
        Map<String, CellLocation> devices = new ConcurrentHashMap<>(devicePositions.size() * 2);
        devicePositions.forEach((id, p) -> devices.put(id, map.locate(p.lat(), p.lon())));
        current.set(new Snapshot(grid, map, devices));
    }

    /** Records where a fixed device is mounted (null: it is mobile or gone) and locates it now. */
    public synchronized void positionDevice(String deviceId, Position position) {
        Snapshot snapshot = current.get();
        if (position == null) {
            devicePositions.remove(deviceId);
            snapshot.devices().remove(deviceId);
        } else {
            devicePositions.put(deviceId, position);
            snapshot.devices().put(deviceId, snapshot.map().locate(position.lat(), position.lon()));
        }
    }

    /** Replaces every fixed device's position at once (start-up, registry reload); a no-op if none moved. */
    public synchronized void positionDevices(Map<String, Position> positions) {
        if (devicePositions.equals(positions)) {
            return;
        }
        devicePositions.clear();
        devicePositions.putAll(positions);
        Snapshot snapshot = current.get();
        swap(snapshot.grid(), snapshot.map());
    }
}
