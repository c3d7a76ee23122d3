package city.gridcommand.api;

import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import jakarta.annotation.security.RolesAllowed;
import city.gridcommand.store.CaseStatsRepository;
import city.gridcommand.store.CaseStatsRepository.CaseFigures;
import city.gridcommand.store.CaseStatsRepository.GroupBy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/v1/stats/cases?scope=&from=&to=&by=cell|category|department}: the figures a city is
 * judged by, for any subtree of cells and report period. Rates per group: on-time closing rate (按期结案率)
 * = closed on time / registered; closing rate (结案率) = closed / registered; rework rate (返工率) =
 * reworked / closed. Times to close in milliseconds.
 *
 * <p>{@code scope} must be within the caller's cells: stats of a wider scope are refused (403 naming it), not
 * silently cut to the caller's part. Without {@code scope}: the caller's one cell when their token names
 * exactly one, the whole city for a caller of every cell ({@code *}), else 400 asking for {@code scope}.
 */
@Path("/api/v1/stats/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseStatsResource {

    /** One group's figures and rates (null when the denominator is 0). */
    public record Group(String key, long reported, long registered, long refused, long cleared, long dispatched,
            long closed,
            long closedOnTime, long reworked, long overdueNow, Double onTimeClosingRate, Double closingRate,
            Double reworkRate, Double meanTimeToClose, Double p90TimeToClose) {

        static Group of(CaseFigures f) {
            return new Group(f.key(), f.reported(), f.registered(), f.refused(), f.cleared(), f.dispatched(), f.closed(),
                    f.closedOnTime(), f.reworked(), f.overdueNow(), rate(f.closedOnTime(), f.registered()),
                    rate(f.closed(), f.registered()), rate(f.reworked(), f.closed()), f.meanTimeToClose(),
                    f.p90TimeToClose());
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }

    /** The figures per group, and the scope and period they cover. */
    public record CaseStats(String scope, Long from, Long to, String by, List<Group> groups) {
    }

    private final CaseStatsRepository repository;
    private final Callers callers;

    CaseStatsResource(CaseStatsRepository repository, Callers callers) {
        this.repository = repository;
        this.callers = callers;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.SCREEN_NAME })
    @GET
    public CompletionStage<CaseStats> stats(@QueryParam("scope") String scope, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("by") String by) {
        CellScope cells = callers.current().scope();
        GroupBy groupBy = groupBy(by);
        Long fromMs = QueryParams.optionalLong("from", from);
        Long toMs = QueryParams.optionalLong("to", to);
        String cell = StatsScope.of(scope, cells);
        return repository.figures(cell, fromMs, toMs, groupBy).thenApply(figures -> new CaseStats(cell, fromMs, toMs,
                groupBy.name().toLowerCase(Locale.ROOT), figures.stream().map(Group::of).toList()));
    }

    private static GroupBy groupBy(String by) {
        if (by == null || by.isBlank()) {
            return GroupBy.CELL;
        }
        try {
            return GroupBy.valueOf(by.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("by", "'by' must be cell, category or department");
        }
    }
}
