package city.gridcommand.api;

import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.store.ScopeStatsRepository;
import city.gridcommand.store.ScopeStatsRepository.DeviceCounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/v1/stats/figures?scope={code}&from={epoch ms}}: a command screen's figures of the moment
 * for a scope: events created since {@code from} (default: the last 24 hours; a screen sends its local
 * midnight for "today") by severity and by state, open events marked overdue, workers on duty (their latest
 * position in the last {@link #ON_DUTY_WINDOW} is in the scope) and devices online and offline (by each
 * device's latest status message, placed in the scope). The rates a city is judged by are
 * {@code /api/v1/stats/cases}. {@code scope} as for the case stats ({@link StatsScope}).
 */
@Path("/api/v1/stats/figures")
@Produces(MediaType.APPLICATION_JSON)
public class ScopeFiguresResource {

    /** How recent a worker's latest position must be for them to count as on duty. */
    static final Duration ON_DUTY_WINDOW = Duration.ofMinutes(15);
    private static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

    /** The figures; {@code from} the start of the period the event counts cover. */
    public record Figures(String scope, long from, Map<String, Long> bySeverity, Map<String, Long> byState,
            long overdueNow, long onDuty, DeviceCounts devices) {
    }

    private final ScopeStatsRepository repository;
    private final Callers callers;

    ScopeFiguresResource(ScopeStatsRepository repository, Callers callers) {
        this.repository = repository;
        this.callers = callers;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME,
            StaffRole.LEADER_NAME, StaffRole.WORKER_NAME, StaffRole.SCREEN_NAME })
    @GET
    public CompletionStage<Figures> figures(@QueryParam("scope") String scope, @QueryParam("from") String from) {
        String cell = StatsScope.of(scope, callers.current().scope());
        long now = System.currentTimeMillis();
        Long asked = QueryParams.optionalLong("from", from);
        if (asked != null && asked > now) {
            throw ProblemException.badField("from", "'from' must not be in the future");
        }
        long since = asked != null ? asked : now - DEFAULT_PERIOD.toMillis();
        return repository.figures(cell, since, now - ON_DUTY_WINDOW.toMillis()).thenApply(f -> new Figures(cell,
                since, f.bySeverity(), f.byState(), f.overdueNow(), f.onDuty(), f.devices()));
    }
}
