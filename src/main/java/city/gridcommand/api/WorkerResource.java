package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.api.RegistryBodies.WorkerBody;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.locate.WorkerCellTracker;
import city.gridcommand.registry.SenderDirectory;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import city.gridcommand.store.LatestSignalRepository;
import city.gridcommand.store.LatestSignalRepository.LatestPosition;
import city.gridcommand.store.Page;
import city.gridcommand.store.StoreSettings;
import city.gridcommand.store.WorkerRepository;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/workers}: grid workers, cell leaders and supervisors with their assigned cells, paged
 * by id, each with the base cell they are counted in now (from their positions). These are people's data:
 * <ul>
 * <li>staff (admin, dispatcher, supervisor, leader, screen) see the workers in their cells: a worker is in
 *     a caller's cells when one of their assigned cells is, or the cell they are counted in now; the list
 *     leaves the others out, one of them is refused (403 naming a cell);</li>
 * <li>a grid worker's token ({@code worker}) reads only their own record and position;</li>
 * <li>phone numbers only for admin, dispatcher, supervisor and leader ({@code phone} is null for the others);</li>
 * <li>a position only the latest, and only within the retention of signals ({@code grid.store.retention-days}):
 *     an older one is answered 404 as if it were gone, even before its partition is dropped.</li>
 * </ul>
 * An admin whose token does not cover the whole city writes only workers whose assigned cells are all in
 * their cells, and assigns them only such cells.
 */
@Path("/api/v1/workers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    /** The roles that see the workers in their cells (a worker sees only themself). */
    private static final StaffRole[] STAFF = { StaffRole.ADMIN, StaffRole.DISPATCHER, StaffRole.SUPERVISOR,
            StaffRole.LEADER, StaffRole.SCREEN };
    /** The roles that see phone numbers. */
    private static final StaffRole[] PHONE_READERS = { StaffRole.ADMIN, StaffRole.DISPATCHER, StaffRole.SUPERVISOR,
            StaffRole.LEADER };

    /**
     * A worker as the API shows them; {@code currentCell} is null until a position placed them;
     * {@code phone} is null unless the caller's role may see phone numbers; {@code gateway} is the gateway
     * carrying their terminal's alerts (null: the terminal has a connection of its own).
     */
    public record WorkerView(String id, String name, String role, List<String> cells, String department,
            String phone, String currentCell, String gateway) {
    }

    private final WorkerRepository repository;
    private final LatestSignalRepository latest;
    private final SenderDirectory registry;
    private final LiveGrid liveGrid;
    private final WorkerCellTracker tracker;
    private final StoreSettings store;
    private final Callers callers;
    private final AuditTrail audit;

    WorkerResource(WorkerRepository repository, LatestSignalRepository latest, SenderDirectory registry,
            LiveGrid liveGrid, WorkerCellTracker tracker, StoreSettings store, Callers callers, AuditTrail audit) {
        this.repository = repository;
        this.latest = latest;
        this.registry = registry;
        this.liveGrid = liveGrid;
        this.tracker = tracker;
        this.store = store;
        this.callers = callers;
        this.audit = audit;
    }

    /** The workers in the caller's cells. */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    public CompletionStage<Page<WorkerView>> list(@QueryParam("role") String role,
            @QueryParam("department") String department, @QueryParam("cell") String cell,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        WorkerRole workerRole = null;
        if (role != null && !role.isBlank()) {
            workerRole = WorkerRole.fromWire(role.trim());
            if (workerRole == null) {
                throw ProblemException.badField("role", "'role' must be worker, leader or supervisor");
            }
        }
        CellScope scope = caller.scope();
        // the database narrows to the workers assigned or (by its stored cell changes) counted in the cells;
        // each is then held to the same test as one worker, with the cell this instance counts them in
        return repository.page(workerRole, department, cell, after, QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT),
                        scope.everywhere() ? null : scope.roots())
                .thenApply(page -> new Page<>(page.items().stream().filter(w -> inScope(w.id(), w.cells(), scope))
                        .map(w -> view(w, caller)).toList(), page.next()));
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME, StaffRole.WORKER_NAME })
    @GET
    @Path("/{id}")
    public CompletionStage<WorkerView> get(@PathParam("id") String id) {
        Caller caller = callers.current();
        boolean self = mayReadAsSelf(caller, id);
        return repository.find(id).thenApply(worker -> {
            if (worker == null) {
                throw ProblemException.notFound("no worker '" + id + "'");
            }
            if (!self) {
                requireInScope(caller.scope(), id, worker.cells());
            }
            return view(worker, caller);
        });
    }

    /**
     * The worker's latest position (any worker id, registered or not), if it is within the retention of
     * signals; 404 when they sent none within it.
     */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME, StaffRole.WORKER_NAME })
    @GET
    @Path("/{id}/position")
    public CompletionStage<LatestPosition> latestPosition(@PathParam("id") String id) {
        Caller caller = callers.current();
        boolean self = mayReadAsSelf(caller, id);
        long notBefore = System.currentTimeMillis() - Duration.ofDays(store.retentionDays()).toMillis();
        CompletionStage<Void> allowed = self ? CompletableFuture.<Void>completedFuture(null) : repository.find(id).thenAccept(worker ->
                requireInScope(caller.scope(), id, worker == null ? List.of() : worker.cells()));
        return allowed.thenCompose(ok -> latest.latestPosition(id, notBefore)).thenApply(position -> {
            if (position == null) {
                throw ProblemException.notFound("worker '" + id + "' has sent no position within the retention ("
                        + store.retentionDays() + " days)");
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
        Caller caller = callers.current();
        AuditTrail.Who who = audit.who(caller);
        Worker worker = RegistryBodies.worker(id, body, liveGrid.snapshot().grid());
        CellScope scope = caller.scope();
        requireAssignedWithin(scope, worker.id(), worker.cells(), true);
        return repository.find(worker.id()).thenCompose(before -> {
            if (before != null) {
                requireAssignedWithin(scope, before.id(), before.cells(), false);
            }
            return repository.save(worker);
        }).thenCompose(created -> {
            registry.workerSaved(worker);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("created", created);
            detail.put("role", worker.role().wireName());
            detail.put("cells", worker.cells());
            detail.put("department", worker.department());
            detail.put("gateway", worker.gateway());
            return who.record(AuditEntry.WORKER_PUT, worker.id(), first(worker.cells()), detail)
                    .thenApply(v -> Response.status(created ? 201 : 200).entity(view(worker, caller)).build());
        });
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    @DELETE
    @Path("/{id}")
    public CompletionStage<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.current();
        AuditTrail.Who who = audit.who(caller);
        return repository.find(id).thenCompose(worker -> {
            if (worker == null) {
                throw ProblemException.notFound("no worker '" + id + "'");
            }
            requireAssignedWithin(caller.scope(), id, worker.cells(), false);
            return repository.delete(id).thenCompose(removed -> {
                if (!removed) {
                    throw ProblemException.notFound("no worker '" + id + "'");
                }
                registry.workerRemoved(id);
                return who.record(AuditEntry.WORKER_DELETE, id, first(worker.cells()),
                        Map.of("role", worker.role().wireName(), "cells", worker.cells()));
            });
        }).thenApply(v -> Response.noContent().build());
    }

    /**
     * Whether the caller reads as the worker themself (a worker's token for their own id); refuses a
     * worker's token for anyone else unless it also carries a staff role.
     */
    private static boolean mayReadAsSelf(Caller caller, String id) {
        if (caller.has(StaffRole.WORKER) && caller.subject().equals(id)) {
            return true;
        }
        if (!caller.hasAny(STAFF)) {
            throw ProblemException.forbidden("a grid worker's token reads only that worker's own record and "
                    + "position, not '" + id + "'");
        }
        return false;
    }

    /**
     * Refuses a worker outside the caller's cells, naming their first assigned cell; never the cell they are
     * counted in now, which would tell where they are.
     */
    private void requireInScope(CellScope scope, String id, List<String> assigned) {
        if (inScope(id, assigned, scope)) {
            return;
        }
        if (assigned.isEmpty()) {
            throw ProblemException.forbidden("worker '" + id + "' has no assigned cell and is not counted in one "
                    + "of your cells (" + scope + ")");
        }
        throw ProblemException.outsideScope(null, assigned.get(0), scope);
    }

    /** Whether one of the worker's assigned cells, or the cell they are counted in now, is in the scope. */
    private boolean inScope(String id, List<String> assigned, CellScope scope) {
        if (scope.everywhere() || assigned.stream().anyMatch(scope::covers)) {
            return true;
        }
        String current = tracker.currentCell(id);
        return current != null && scope.covers(current);
    }

    /**
     * A write by an admin of part of the city: every assigned cell of the worker must be theirs (when the
     * cells come from the body, the refusal names the field {@code cells[i]}), and a worker with no
     * assigned cell belongs to the whole city.
     */
    private static void requireAssignedWithin(CellScope scope, String id, List<String> assigned, boolean fromBody) {
        if (scope.everywhere()) {
            return;
        }
        String field = fromBody ? "cells" : null;
        if (assigned.isEmpty()) {
            throw ProblemException.inNoCell(field, "worker '" + id + "' has no assigned cell: only an admin of "
                    + "the whole city (*) writes such a worker");
        }
        for (int i = 0; i < assigned.size(); i++) {
            if (!scope.covers(assigned.get(i))) {
                throw ProblemException.outsideScope(fromBody ? "cells[" + i + "]" : null, assigned.get(i), scope);
            }
        }
    }

    private WorkerView view(Worker w, Caller caller) {
        return new WorkerView(w.id(), w.name(), w.role().wireName(), w.cells(), w.department(),
                caller.hasAny(PHONE_READERS) ? w.phone() : null, tracker.currentCell(w.id()), w.gateway());
    }

    private static String first(List<String> cells) {
        return cells.isEmpty() ? null : cells.get(0);
    }
}
