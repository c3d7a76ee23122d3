package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.audit.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import city.gridcommand.api.RegistryBodies.DeviceBody;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.registry.Device;
import city.gridcommand.registry.DeviceType;
import city.gridcommand.store.DeviceRepository;
import city.gridcommand.store.LatestSignalRepository;
import city.gridcommand.store.LatestSignalRepository.DeviceLatest;
import city.gridcommand.store.Page;
import city.gridcommand.registry.SenderDirectory;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/devices}: the registered sensors and cameras, paged by id ({@code after} is the
 * {@code next} of the previous page), each with the cells its mounting position lies in. A device is in a
 * caller's cells when the base cell of its registered position is; one without a cell (mobile, or mounted
 * outside the grid) only for a token of the whole city ({@code *}). Lists leave the others out, one device
 * or its latest is refused (403 naming the cell); an admin writes only devices in their cells, and moves
 * them only into their cells.
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /**
     * A device as the API shows it; {@code cell}/{@code cellPath} are null/empty for a mobile device,
     * {@code gateway} null for a device with a connection of its own.
     */
    public record DeviceView(String id, String type, String name, Double lat, Double lon, List<String> capabilities,
            String department, String cell, List<String> cellPath, String gateway) {

        static DeviceView of(Device d, CellLocation at) {
            return new DeviceView(d.id(), d.type().wireName(), d.name(),
                    d.position() == null ? null : d.position().lat(), d.position() == null ? null : d.position().lon(),
                    d.capabilities(), d.department(), at == null ? null : at.baseCell(),
                    at == null ? List.of() : at.storedPath(), d.gateway());
        }
    }

    private final DeviceRepository repository;
    private final LatestSignalRepository latest;
    private final SenderDirectory registry;
    private final LiveGrid liveGrid;
    private final Callers callers;
    private final AuditTrail audit;

    DeviceResource(DeviceRepository repository, LatestSignalRepository latest, SenderDirectory registry,
            LiveGrid liveGrid, Callers callers, AuditTrail audit) {
        this.repository = repository;
        this.latest = latest;
        this.registry = registry;
        this.liveGrid = liveGrid;
        this.callers = callers;
        this.audit = audit;
    }

    /** The devices in the caller's cells. */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    public CompletionStage<Page<DeviceView>> list(@QueryParam("type") String type,
            @QueryParam("department") String department, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        CellScope scope = callers.current().scope();
        DeviceType deviceType = null;
        if (type != null && !type.isBlank()) {
            deviceType = DeviceType.fromWire(type.trim());
            if (deviceType == null) {
                throw ProblemException.badField("type", "'type' must be sensor or camera");
            }
        }
        // the database is asked only for the fixed devices located in the caller's cells; each answer is
        // checked again against its stored position, in case another instance moved it since
        List<String> among = scope.everywhere() ? null : liveGrid.snapshot().devices().entrySet().stream()
                .filter(e -> e.getValue().baseCell() != null && scope.covers(e.getValue().baseCell()))
                .map(Map.Entry::getKey).toList();
        return repository.page(deviceType, department, after, QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), among)
                .thenApply(page -> new Page<>(page.items().stream().map(this::view)
                        .filter(view -> scope.everywhere() || (view.cell() != null && scope.covers(view.cell())))
                        .toList(), page.next()));
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    @Path("/{id}")
    public CompletionStage<DeviceView> get(@PathParam("id") String id) {
        CellScope scope = callers.current().scope();
        return repository.find(id).thenApply(device -> {
            if (device == null) {
                throw ProblemException.notFound("no device '" + id + "'");
            }
            DeviceView view = view(device);
            requireInScope(scope, id, view.cell(), null);
            return view;
        });
    }

    /**
     * Every registered device, and any other that has been heard from: its latest reading and detection,
     * whether it is online and when it was last heard, by the order its messages arrived. The cell that
     * decides who sees it is its registered position's (not where its messages say they were sent from).
     */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    @Path("/{id}/latest")
    public CompletionStage<DeviceLatest> latest(@PathParam("id") String id) {
        CellScope scope = callers.current().scope();
        CompletionStage<Device> registered = scope.everywhere() ? CompletableFuture.completedFuture(null)
                : repository.find(id);
        return registered.thenCombine(latest.latestOfDevice(id), (device, heard) -> {
            if (heard == null) {
                throw ProblemException.notFound("no device '" + id + "' is registered or has been heard from");
            }
            if (!scope.everywhere()) {
                requireInScope(scope, id, device == null ? null : view(device).cell(), null);
            }
            return heard;
        });
    }

    /** Creates (201) or replaces (200) a device. */
    @RolesAllowed(StaffRole.ADMIN_NAME)
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> put(@PathParam("id") String id, DeviceBody body) {
        Caller caller = callers.current();
        AuditTrail.Who who = audit.who(caller);
        Device device = RegistryBodies.device(id, body);
        DeviceView after = view(device);
        requireInScope(caller.scope(), device.id(), after.cell(), "lat");
        return repository.find(device.id()).thenCompose(before -> {
            if (before != null) {
                requireInScope(caller.scope(), before.id(), view(before).cell(), null);
            }
            return repository.save(device);
        }).thenCompose(created -> {
            registry.deviceSaved(device);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("created", created);
            detail.put("type", device.type().wireName());
            detail.put("position", device.position() == null ? null
                    : Map.of("lat", device.position().lat(), "lon", device.position().lon()));
            detail.put("gateway", device.gateway());
            return who.record(AuditEntry.DEVICE_PUT, device.id(), after.cell(), detail)
                    .thenApply(v -> Response.status(created ? 201 : 200).entity(after).build());
        });
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    @DELETE
    @Path("/{id}")
    public CompletionStage<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.current();
        AuditTrail.Who who = audit.who(caller);
        return repository.find(id).thenCompose(device -> {
            if (device == null) {
                throw ProblemException.notFound("no device '" + id + "'");
            }
            String cell = view(device).cell();
            requireInScope(caller.scope(), id, cell, null);
            return repository.delete(id).thenCompose(removed -> {
                if (!removed) {
                    throw ProblemException.notFound("no device '" + id + "'");
                }
                registry.deviceRemoved(id);
                return who.record(AuditEntry.DEVICE_DELETE, id, cell, Map.of("type", device.type().wireName()));
            });
        }).thenApply(v -> Response.noContent().build());
    }

    /**
     * Refuses a device whose cell is outside the caller's cells, naming it (and {@code field} when the cell
     * comes from the request); a device without a cell is the whole city's.
     */
    private static void requireInScope(CellScope scope, String id, String cell, String field) {
        if (scope.covers(cell)) {
            return;
        }
        if (cell == null) {
            throw ProblemException.inNoCell(field, "device '" + id + "' " + (field == null ? "is" : "would be")
                    + " in no cell of the grid (mobile, or mounted outside it): only a token for the whole city (*) "
                    + "may " + (field == null ? "reach" : "put") + " it");
        }
        throw ProblemException.outsideScope(field, cell, scope);
    }

    private DeviceView view(Device device) {
        CellLocation at = device.position() == null ? null
                : liveGrid.snapshot().map().locate(device.position().lat(), device.position().lon());
        return DeviceView.of(device, at);
    }
}
