package city.gridcommand.api;

import city.gridcommand.access.StaffRole;
import jakarta.annotation.security.RolesAllowed;
import city.gridcommand.api.RegistryBodies.WorkerBody;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.locate.WorkerCellTracker;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import city.gridcommand.store.LatestSignalRepository;
import city.gridcommand.store.LatestSignalRepository.LatestPosition;
import city.gridcommand.store.Page;
import city.gridcommand.registry.SenderDirectory;
import city.gridcommand.store.WorkerRepository;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/workers}: grid workers, cell leaders and supervisors with their assigned cells, paged
 * by id, each with the base cell they are counted in now (from their positions).
 */
@Path("/api/v1/workers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** A worker as the API shows them; {@code currentCell} is null until a position placed them. */
    public record WorkerView(String id, String name, String role, List<String> cells, String department,
            String phone, String currentCell) {
    }

    private final WorkerRepository repository;
    private final LatestSignalRepository latest;
    private final SenderDirectory registry;
    private final LiveGrid liveGrid;
    private final WorkerCellTracker tracker;

    WorkerResource(WorkerRepository repository, LatestSignalRepository latest, SenderDirectory registry,
            LiveGrid liveGrid, WorkerCellTracker tracker) {
        this.repository = repository;
        this.latest = latest;
        this.registry = registry;
        this.liveGrid = liveGrid;
        this.tracker = tracker;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    public CompletionStage<Page<WorkerView>> list(@QueryParam("role") String role,
            @QueryParam("department") String department, @QueryParam("cell") String cell,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        WorkerRole workerRole = null;
        if (role != null && !role.isBlank()) {
            workerRole = WorkerRole.fromWire(role.trim());
            if (workerRole == null) {
                throw ProblemException.badField("role", "'role' must be worker, leader or supervisor");
            }
        }
        return repository.page(workerRole, department, cell, after, QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT))
                .thenApply(page -> new Page<>(page.items().stream().map(this::view).toList(), page.next()));
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME, StaffRole.WORKER_NAME })
    @GET
    @Path("/{id}")
    public CompletionStage<WorkerView> get(@PathParam("id") String id) {
        return repository.find(id).thenApply(worker -> {
            if (worker == null) {
                throw ProblemException.notFound("no worker '" + id + "'");
            }
            return view(worker);
        });
    }

    /** The worker's latest position (any worker id, registered or not). */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME, StaffRole.WORKER_NAME })
    @GET
    @Path("/{id}/position")
    public CompletionStage<LatestPosition> latestPosition(@PathParam("id") String id) {
        return latest.latestPosition(id).thenApply(position -> {
            if (position == null) {
                throw ProblemException.notFound("worker '" + id + "' has sent no position");
            }
            return position;
        });
    }

    /** Creates (201) or replaces (200) a worker; assigned cells must exist in the current grid. */
    @RolesAllowed(StaffRole.ADMIN_NAME)
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> put(@PathParam("id") String id, WorkerBody body) {
        Worker worker = RegistryBodies.worker(id, body, liveGrid.snapshot().grid());
        return repository.save(worker).thenApply(created -> {
            registry.workerSaved(worker);
            return Response.status(created ? 201 : 200).entity(view(worker)).build();
        });
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    @DELETE
    @Path("/{id}")
    public CompletionStage<Response> delete(@PathParam("id") String id) {
        return repository.delete(id).thenApply(removed -> {
            if (!removed) {
                throw ProblemException.notFound("no worker '" + id + "'");
            }
            registry.workerRemoved(id);
            return Response.noContent().build();
        });
    }

    private WorkerView view(Worker w) {
        return new WorkerView(w.id(), w.name(), w.role().wireName(), w.cells(), w.department(), w.phone(),
                tracker.currentCell(w.id()));
    }
}
