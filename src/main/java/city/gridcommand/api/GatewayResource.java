package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.ingest.TopicAddress;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.locate.WorkerCellTracker;
import city.gridcommand.registry.Device;
import city.gridcommand.registry.Worker;
import city.gridcommand.signin.Callers;
import city.gridcommand.store.DeviceRepository;
import city.gridcommand.store.LatestSignalRepository;
import city.gridcommand.store.LatestSignalRepository.LatestStatus;
import city.gridcommand.store.WorkerRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/gateways/{gatewayId}}: a gateway as the registry knows it (it has no row of its own): the
 * devices and the workers' terminals registered behind it, and the latest status it published itself.
 * Seen as the devices are: a caller of part of the city sees the devices behind it in their cells (by their
 * registered positions) and the workers in their cells (by assigned cells, or the cell they are counted in
 * now; only for the roles that read workers), and is refused a gateway with nothing of theirs behind it.
 * A gateway known only by its status is the whole city's.
 */
@Path("/api/v1/gateways")
@Produces(MediaType.APPLICATION_JSON)
public class GatewayResource {

    /** The roles that see workers (a handler sees devices only). */
    private static final StaffRole[] WORKER_READERS = { StaffRole.ADMIN, StaffRole.DISPATCHER, StaffRole.SUPERVISOR,
            StaffRole.LEADER, StaffRole.SCREEN };

    /**
     * A gateway: the ids of the devices and workers behind it that the caller sees, by id, and its latest own
     * status by arrival (null when it published none that is kept).
     */
    public record GatewayView(String id, List<String> devices, List<String> workers, LatestStatus status) {
    }

    private final DeviceRepository devices;
    private final WorkerRepository workers;
    private final LatestSignalRepository latest;
    private final LiveGrid liveGrid;
    private final WorkerCellTracker tracker;
    private final Callers callers;

    GatewayResource(DeviceRepository devices, WorkerRepository workers, LatestSignalRepository latest,
            LiveGrid liveGrid, WorkerCellTracker tracker, Callers callers) {
        this.devices = devices;
        this.workers = workers;
        this.latest = latest;
        this.liveGrid = liveGrid;
        this.tracker = tracker;
        this.callers = callers;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    @Path("/{gatewayId}")
    public CompletionStage<GatewayView> get(@PathParam("gatewayId") String gatewayId) {
        if (!TopicAddress.isValidSenderId(gatewayId)) {
            throw ProblemException.badField("gatewayId", "'gatewayId' must be 1-" + TopicAddress.MAX_SENDER_ID_LENGTH
                    + " characters of [A-Za-z0-9._:-] (it is the gateway's MQTT topic level)");
        }
        Caller caller = callers.current();
        CompletableFuture<List<Device>> devicesBehind = devices.behind(gatewayId).toCompletableFuture();
        CompletableFuture<List<Worker>> workersBehind = workers.behind(gatewayId).toCompletableFuture();
        CompletableFuture<LatestStatus> status = latest.latestStatus(gatewayId).toCompletableFuture();
        return CompletableFuture.allOf(devicesBehind, workersBehind, status)
                .thenApply(all -> view(caller, gatewayId, devicesBehind.join(), workersBehind.join(), status.join()));
    }

    private GatewayView view(Caller caller, String gatewayId, List<Device> allDevices, List<Worker> allWorkers,
            LatestStatus status) {
        if (allDevices.isEmpty() && allWorkers.isEmpty() && status == null) {
            throw ProblemException.notFound("no device or worker is registered behind gateway '" + gatewayId
                    + "' and it has published no status");
        }
        CellScope scope = caller.scope();
        List<String> seenDevices = allDevices.stream().filter(d -> scope.covers(cellOf(d))).map(Device::id).toList();
        List<String> seenWorkers = !caller.hasAny(WORKER_READERS) ? List.of()
                : allWorkers.stream().filter(w -> inScope(w, scope)).map(Worker::id).toList();
        if (!scope.everywhere() && seenDevices.isEmpty() && seenWorkers.isEmpty()) {
            throw ProblemException.inNoCell(null, allDevices.isEmpty() && allWorkers.isEmpty()
                    ? "gateway '" + gatewayId + "' is known only by its status, which is the whole city's: only a "
                            + "token for the whole city (*) reaches it"
                    : "nothing registered behind gateway '" + gatewayId + "' is in your cells (" + scope + ")");
        }
        return new GatewayView(gatewayId, seenDevices, seenWorkers, status);
    }

    /** The base cell of the device's registered position, as {@code DeviceResource} places it; null: none. */
    private String cellOf(Device device) {
        if (device.position() == null) {
            return null;
        }
        CellLocation at = liveGrid.snapshot().map().locate(device.position().lat(), device.position().lon());
        return at == null ? null : at.baseCell();
    }

    /** As {@code WorkerResource}: one of their assigned cells, or the cell they are counted in now, is in scope. */
    private boolean inScope(Worker worker, CellScope scope) {
        if (scope.everywhere() || worker.cells().stream().anyMatch(scope::covers)) {
            return true;
        }
        String current = tracker.currentCell(worker.id());
        return current != null && scope.covers(current);
    }
}
