package city.gridcommand.registry;

import city.gridcommand.locate.Assignments;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.signal.SignalSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The registered devices and workers, held in memory so the message path never asks the database;
 * reloaded every {@code grid.ingest.registry-refresh} so a sender registered elsewhere is known soon
 * after. Each reload also hands the fixed devices' positions to the live grid and keeps every worker's
 * assigned cells, and which gateway each device and worker is behind (and the devices behind each gateway).
 */
@ApplicationScoped
public class SenderDirectory implements SenderRegistry, Assignments {

    private static final Logger LOG = Logger.getLogger(SenderDirectory.class);

    private final RegistryStore store;
    private final LiveGrid liveGrid;
    private final Set<String> devices = ConcurrentHashMap.newKeySet();
    private final Set<String> workers = ConcurrentHashMap.newKeySet();
    private volatile Map<String, List<String>> assignedCells = Map.of();
    private final Map<String, String> deviceGateways = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> behind = new ConcurrentHashMap<>();
    private volatile Map<String, String> workerGateways = Map.of();
    private final Object reloadLock = new Object();
    /**
     * Held for a whole reload: the start-up sequence's reload and the scheduled one may be called at once
     * (the scheduler's SKIP guards only against itself), and each needs {@link #changesDuringReload} as its own.
     */
    private final ReentrantLock reloading = new ReentrantLock();
    /** The API's changes since the reload in progress began reading; null when none is. */
    private List<Runnable> changesDuringReload;

    SenderDirectory(RegistryStore store, LiveGrid liveGrid) {
        this.store = store;
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
     * Registers on first sight. A device known only from its status is not registered: its status does
     * not say whether it is a sensor or a camera. If the write fails, the next message tries again.
     */
    @Override
    public void register(SignalSource source, String senderId) {
        registerBehind(source, senderId, null);
    }

    @Override
    public void registerBehind(SignalSource source, String senderId, String gatewayId) {
        Set<String> known = switch (source) {
            case TELEMETRY, DETECTION -> devices;
            case WORKER_LOCATION, WORKER_REPORT, WORKER_ACK -> workers;
            case DEVICE_STATUS, UNKNOWN -> null;
        };
        if (known == null || !known.add(senderId)) {
            return;
        }
        if (gatewayId != null && known == devices) {
            placeBehind(senderId, gatewayId);
        }
        store.registerSeen(source, senderId, gatewayId).whenComplete((done, error) -> {
            if (error != null) {
                known.remove(senderId);
                if (gatewayId != null && known == devices) {
                    placeBehind(senderId, null);
                }
                LOG.warnf("could not register %s (will try again on its next message): %s", senderId,
                        error.getMessage());
            }
        });
    }

    @Override
    public String gatewayOf(SignalSource source, String senderId) {
        return switch (source) {
            case TELEMETRY, DETECTION, DEVICE_STATUS -> deviceGateways.get(senderId);
            case WORKER_LOCATION, WORKER_REPORT, WORKER_ACK -> workerGateways.get(senderId);
            case UNKNOWN -> null;
        };
    }

    @Override
    public Collection<String> devicesBehind(String gatewayId) {
        Set<String> ids = behind.get(gatewayId);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** Moves {@code deviceId} behind {@code gatewayId} (null: behind none). */
    private void placeBehind(String deviceId, String gatewayId) {
        String before = gatewayId == null ? deviceGateways.remove(deviceId) : deviceGateways.put(deviceId, gatewayId);
        if (before != null && !before.equals(gatewayId)) {
            behind.computeIfPresent(before, (g, ids) -> {
                ids.remove(deviceId);
                return ids.isEmpty() ? null : ids;
            });
        }
        if (gatewayId != null) {
            behind.computeIfAbsent(gatewayId, g -> ConcurrentHashMap.newKeySet()).add(deviceId);
        }
    }

    @Override
    public List<String> cellsOf(String workerId) {
        return assignedCells.getOrDefault(workerId, List.of());
    }

    /** Takes a device saved through the API into account at once, rather than at the next reload. */
    public void deviceSaved(Device device) {
        change(() -> {
            devices.add(device.id());
            placeBehind(device.id(), device.gateway());
            liveGrid.positionDevice(device.id(), device.position());
        });
    }

    public void deviceRemoved(String id) {
        change(() -> {
            devices.remove(id);
            placeBehind(id, null);
            liveGrid.positionDevice(id, null);
        });
    }

    /** Takes a worker saved through the API into account at once. */
    public void workerSaved(Worker worker) {
        change(() -> workerChanged(worker));
    }

    public void workerRemoved(String id) {
        change(() -> workerGone(id));
    }

    /**
     * Applies a change saved through the API (after its commit). One made while a reload reads the
     * database may be missing from what it read: it is applied again after the reload's snapshot.
     */
    private void change(Runnable change) {
        synchronized (reloadLock) {
            change.run();
            if (changesDuringReload != null) {
                changesDuringReload.add(change);
            }
        }
    }

    private void workerChanged(Worker worker) {
        workers.add(worker.id());
        Map<String, List<String>> cells = new HashMap<>(assignedCells);
        cells.put(worker.id(), worker.cells());
        assignedCells = Map.copyOf(cells);
        Map<String, String> gateways = new HashMap<>(workerGateways);
        if (worker.gateway() == null) {
            gateways.remove(worker.id());
        } else {
            gateways.put(worker.id(), worker.gateway());
        }
        workerGateways = Map.copyOf(gateways);
    }

    private void workerGone(String id) {
        workers.remove(id);
        Map<String, List<String>> cells = new HashMap<>(assignedCells);
        cells.remove(id);
        assignedCells = Map.copyOf(cells);
        Map<String, String> gateways = new HashMap<>(workerGateways);
        gateways.remove(id);
        workerGateways = Map.copyOf(gateways);
    }

    /** Reloads devices and workers; blocking, so never on an event loop. */
    @Scheduled(every = "${grid.ingest.registry-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        reloading.lock();
        try {
            reloadAlone();
        } finally {
            reloading.unlock();
        }
    }

    private void reloadAlone() {
        synchronized (reloadLock) {
            changesDuringReload = new ArrayList<>();
        }
        RegistryStore.Registered now;
        try {
            now = store.everySender().toCompletableFuture().join();
        } catch (RuntimeException e) {
            synchronized (reloadLock) {
                changesDuringReload = null;
            }
            throw e;
        }
        synchronized (reloadLock) {
            apply(now);
            changesDuringReload.forEach(Runnable::run);
            changesDuringReload = null;
        }
    }

    private void apply(RegistryStore.Registered now) {
        devices.addAll(now.devices());
        devices.retainAll(now.devices());
        workers.addAll(now.workerCells().keySet());
        workers.retainAll(now.workerCells().keySet());
        assignedCells = Map.copyOf(now.workerCells());
        workerGateways = Map.copyOf(now.workerGateways());
        for (String id : List.copyOf(deviceGateways.keySet())) {
            if (!now.deviceGateways().containsKey(id)) {
                placeBehind(id, null);
            }
        }
        now.deviceGateways().forEach(this::placeBehind);
        liveGrid.positionDevices(now.positions());
    }
}
