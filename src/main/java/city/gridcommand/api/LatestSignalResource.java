package city.gridcommand.api;

import city.gridcommand.store.LatestSignalRepository;
import city.gridcommand.store.LatestSignalRepository.LatestPosition;
import city.gridcommand.store.LatestSignalRepository.LatestReading;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The latest value per device ({@code GET /api/v1/devices/{id}/latest}) and the latest position per
 * worker ({@code GET /api/v1/workers/{id}/position}).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class LatestSignalResource {

    private final LatestSignalRepository repository;

    LatestSignalResource(LatestSignalRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("/devices/{deviceId}/latest")
    public Uni<LatestReading> latestReading(@PathParam("deviceId") String deviceId) {
        return repository.latestReading(deviceId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("device '" + deviceId + "' has sent no telemetry"));
    }

    @GET
    @Path("/workers/{workerId}/position")
    public Uni<LatestPosition> latestPosition(@PathParam("workerId") String workerId) {
        return repository.latestPosition(workerId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("worker '" + workerId + "' has sent no position"));
    }
}
