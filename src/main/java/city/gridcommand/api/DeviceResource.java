package city.gridcommand.api;

import city.gridcommand.access.StaffRole;
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
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/devices}: the registered sensors and cameras, paged by id ({@code after} is the
 * {@code next} of the previous page), each with the cells its mounting position lies in.
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** A device as the API shows it; {@code cell}/{@code cellPath} are null/empty for a mobile device. */
    public record DeviceView(String id, String type, String name, Double lat, Double lon, List<String> capabilities,
            String department, String cell, List<String> cellPath) {

        static DeviceView of(Device d, CellLocation at) {
            return new DeviceView(d.id(), d.type().wireName(), d.name(),
                    d.position() == null ? null : d.position().lat(), d.position() == null ? null : d.position().lon(),
                    d.capabilities(), d.department(), at == null ? null : at.baseCell(),
                    at == null ? List.of() : at.storedPath());
        }
    }

    private final DeviceRepository repository;
    private final LatestSignalRepository latest;
    private final SenderDirectory registry;
    private final LiveGrid liveGrid;

    DeviceResource(DeviceRepository repository, LatestSignalRepository latest, SenderDirectory registry,
            LiveGrid liveGrid) {
        this.repository = repository;
        this.latest = latest;
        this.registry = registry;
        this.liveGrid = liveGrid;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    public CompletionStage<Page<DeviceView>> list(@QueryParam("type") String type,
            @QueryParam("department") String department, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        DeviceType deviceType = null;
        if (type != null && !type.isBlank()) {
            deviceType = DeviceType.fromWire(type.trim());
            if (deviceType == null) {
                throw ProblemException.badField("type", "'type' must be sensor or camera");
            }
        }
        return repository.page(deviceType, department, after, QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT))
                .thenApply(page -> new Page<>(page.items().stream().map(this::view).toList(), page.next()));
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    @Path("/{id}")
    public CompletionStage<DeviceView> get(@PathParam("id") String id) {
        return repository.find(id).thenApply(device -> {
            if (device == null) {
                throw ProblemException.notFound("no device '" + id + "'");
            }
            return view(device);
        });
    }

    /**
     * Every registered device, and any other that has been heard from: its latest reading and detection,
     * whether it is online and when it was last heard, by the order its messages arrived.
     */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    @Path("/{id}/latest")
    public CompletionStage<DeviceLatest> latest(@PathParam("id") String id) {
        return latest.latestOfDevice(id).thenApply(device -> {
            if (device == null) {
                throw ProblemException.notFound("no device '" + id + "' is registered or has been heard from");
            }
            return device;
        });
    }

    /** Creates (201) or replaces (200) a device. */
    @RolesAllowed(StaffRole.ADMIN_NAME)
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> put(@PathParam("id") String id, DeviceBody body) {
        Device device = RegistryBodies.device(id, body);
        return repository.save(device).thenApply(created -> {
            registry.deviceSaved(device);
            return Response.status(created ? 201 : 200).entity(view(device)).build();
        });
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    @DELETE
    @Path("/{id}")
    public CompletionStage<Response> delete(@PathParam("id") String id) {
        return repository.delete(id).thenApply(removed -> {
            if (!removed) {
                throw ProblemException.notFound("no device '" + id + "'");
            }
            registry.deviceRemoved(id);
            return Response.noContent().build();
        });
    }

    private DeviceView view(Device device) {
        CellLocation at = device.position() == null ? null
                : liveGrid.snapshot().map().locate(device.position().lat(), device.position().lon());
        return DeviceView.of(device, at);
    }
}
