package city.gridcommand.api;

import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import jakarta.annotation.security.RolesAllowed;
import city.gridcommand.ingest.IngestCounters;
import city.gridcommand.ingest.WriteBehind;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/stats/ingest}: what came in, what was stored, what was refused and why. */
@Path("/api/v1/stats/ingest")
@Produces(MediaType.APPLICATION_JSON)
public class IngestStatsResource {

    private final IngestCounters counters;
    private final WriteBehind writeBehind;
    private final Callers callers;

    IngestStatsResource(IngestCounters counters, WriteBehind writeBehind, Callers callers) {
        this.counters = counters;
        this.writeBehind = writeBehind;
        this.callers = callers;
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    @GET
    public IngestStatsView stats() {
        WholeCity.require(callers.current(), "ingest counters");
        return IngestStatsView.of(counters, writeBehind);
    }
}
