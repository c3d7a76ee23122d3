package city.gridcommand.store;

import city.gridcommand.ingest.SenderRegistry;
import city.gridcommand.locate.Assignments;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.SignalSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The registered devices and workers, held in memory so the hot path never asks the database;
 * reloaded every few seconds so a sender registered elsewhere is known soon after. Each reload also
 * hands the fixed devices' positions to the live grid and keeps every worker's assigned cells.
 */
@ApplicationScoped
public class PgSenderRegistry implements SenderRegistry, Assignments {

    private static final Logger LOG = Logger.getLogger(PgSenderRegistry.class);

    private final Pool pool;
    private final LiveGrid liveGrid;
    private final Set<String> devices = ConcurrentHashMap.newKeySet();
    private final Set<String> workers = ConcurrentHashMap.newKeySet();
    private volatile Map<String, List<String>> assignedCells = Map.of();

    PgSenderRegistry(Pool pool, LiveGrid liveGrid) {
        this.pool = pool;
        this.liveGrid = liveGrid;
    }

    @Override
    public boolean isRegistered(SignalSource source, String senderId) {
        return switch (source) {
            case WORKER_LOCATION, WORKER_REPORT, WORKER_ACK -> workers.contains(senderId);
            case TELEMETRY, DETECTION, DEVICE_STATUS -> devices.contains(senderId);
            case UNKNOWN -> false;
        };
    }

    /**
     * Registers on first sight, marked {@code auto}. A device known only from its status is not
     * registered: its status does not say whether it is a sensor or a camera.
     */
    @Override
    public void register(SignalSource source, String senderId) {
        switch (source) {
            case TELEMETRY -> insert(devices, senderId, "INSERT INTO device (id, kind, registered_at, auto) "
                    + "VALUES ($1, 'sensor', $2, true) ON CONFLICT DO NOTHING");
            case DETECTION -> insert(devices, senderId, "INSERT INTO device (id, kind, registered_at, auto) "
                    + "VALUES ($1, 'camera', $2, true) ON CONFLICT DO NOTHING");
            case WORKER_LOCATION, WORKER_REPORT, WORKER_ACK -> insert(workers, senderId,
                    "INSERT INTO worker (id, registered_at, auto) VALUES ($1, $2, true) ON CONFLICT DO NOTHING");
            case DEVICE_STATUS, UNKNOWN -> { }
        }
    }

    @Override
    public List<String> cellsOf(String workerId) {
        return assignedCells.getOrDefault(workerId, List.of());
    }

    /** Takes a device saved through the API into account at once, rather than at the next reload. */
    public void deviceSaved(city.gridcommand.registry.Device device) {
        devices.add(device.id());
        liveGrid.positionDevice(device.id(), device.position());
    }

    public void deviceRemoved(String id) {
        devices.remove(id);
        liveGrid.positionDevice(id, null);
    }

    /** Takes a worker saved through the API into account at once. */
    public void workerSaved(city.gridcommand.registry.Worker worker) {
        workers.add(worker.id());
        Map<String, List<String>> cells = new HashMap<>(assignedCells);
        cells.put(worker.id(), worker.cells());
        assignedCells = Map.copyOf(cells);
    }

    public void workerRemoved(String id) {
        workers.remove(id);
        Map<String, List<String>> cells = new HashMap<>(assignedCells);
        cells.remove(id);
        assignedCells = Map.copyOf(cells);
    }

    /** After the grid is in force (1000), before the rules recall senders (1500) and ingestion starts (2000). */
    void onStart(@Observes @Priority(1100) StartupEvent event) {
        reload();
    }

    /** Reloads devices and workers; blocking. */
    @Scheduled(every = "${grid.ingest.registry-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        Set<String> deviceIds = new java.util.HashSet<>();
        Map<String, Position> positions = new HashMap<>();
        for (Row row : pool.query("SELECT id, lat, lon FROM device").execute().await().indefinitely()) {
            deviceIds.add(row.getString(0));
            if (row.getDouble(1) != null) {
                positions.put(row.getString(0), new Position(row.getDouble(1), row.getDouble(2)));
            }
        }
        Map<String, List<String>> cells = new HashMap<>();
        Set<String> workerIds = new java.util.HashSet<>();
        for (Row row : pool.query("SELECT id, cells FROM worker").execute().await().indefinitely()) {
            workerIds.add(row.getString(0));
            cells.put(row.getString(0), List.of(row.getArrayOfStrings(1)));
        }
        devices.addAll(deviceIds);
        devices.retainAll(deviceIds);
        workers.addAll(workerIds);
        workers.retainAll(workerIds);
        assignedCells = Map.copyOf(cells);
        liveGrid.positionDevices(positions);
    }

    private void insert(Set<String> known, String id, String sql) {
        if (!known.add(id)) {
            return;
        }
        pool.preparedQuery(sql).execute(Tuple.of(id, System.currentTimeMillis())).subscribe().with(
                rows -> { },
                error -> {
                    known.remove(id);
                    LOG.warnf("could not register %s (will try again on its next message): %s", id, error.getMessage());
                });
    }
}
