package city.gridcommand.api;

import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.store.ScopeStatsRepository;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/v1/stats/cells?scope={code}}: the open events of each child cell of the scope by severity,
 * what a command screen colours its map by (a child's worst open severity). Only children with an open
 * event are listed; merged events are left out. {@code scope} as for the case stats ({@link StatsScope}):
 * within the caller's cells (403 naming it), or the caller's one cell.
 */
@Path("/api/v1/stats/cells")
@Produces(MediaType.APPLICATION_JSON)
public class CellStatsResource {

    /** One child cell's open events by severity (the live feed's {@code stats} carries the same shape). */
    public record CellView(String cell, @JsonProperty("GREEN") long green, @JsonProperty("YELLOW") long yellow,
            @JsonProperty("RED") long red) {
    }

    /** The scope used (null: the whole city, whose children are its roots) and its children's counts. */
    public record CellStats(String scope, List<CellView> cells) {
    }

    private final ScopeStatsRepository repository;
    private final Callers callers;

    CellStatsResource(ScopeStatsRepository repository, Callers callers) {
        this.repository = repository;
        this.callers = callers;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME,
            StaffRole.LEADER_NAME, StaffRole.WORKER_NAME, StaffRole.SCREEN_NAME })
    @GET
    public CompletionStage<CellStats> cells(@QueryParam("scope") String scope) {
        String cell = StatsScope.of(scope, callers.current().scope());
        return repository.openByChild(cell).thenApply(counts -> new CellStats(cell, counts.stream()
                .map(c -> new CellView(c.cell(), c.green(), c.yellow(), c.red())).toList()));
    }
}
