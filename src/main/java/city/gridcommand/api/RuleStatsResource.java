package city.gridcommand.api;

import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.rules.Rule;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.signin.Callers;
import city.gridcommand.store.RuleStatsRepository;
import city.gridcommand.store.RuleStatsRepository.RuleRaises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/v1/stats/rules?hours=N} (1–168, default 1): which rule floods. Per rule and category,
 * the events the rule raised in the last N hours and per hour, counted in the database (events of origin
 * {@code rule} by the rule their trigger names), so every instance answers the same. A trigger that joins
 * an open event raises no event and is not counted here; every firing is the counter
 * {@code grid.rules.raised} on {@code /metrics}. Cut to the caller's cells (a token with {@code *} sees the
 * whole city). The enabled rules in force that raised nothing are listed with 0, so a quiet rule shows too.
 */
@Path("/api/v1/stats/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleStatsResource {

    static final int MAX_HOURS = 168;
    private static final long HOUR = 3_600_000L;

    /**
     * One rule's raises in one category, and how many of them cleared by themselves before anyone
     * registered them (a rule whose events mostly clear raises too soon); {@code name} null for a rule no
     * longer in force.
     */
    public record RuleRate(String rule, String name, String category, long raised, long cleared, double perHour) {
    }

    /** The period [from, to) (epoch ms) of the last {@code hours} hours and each rule's raises in it. */
    public record RuleStats(int hours, long from, long to, List<RuleRate> rules) {
    }

    private final RuleStatsRepository repository;
    private final RuleEngine engine;
    private final Callers callers;

    RuleStatsResource(RuleStatsRepository repository, RuleEngine engine, Callers callers) {
        this.repository = repository;
        this.engine = engine;
        this.callers = callers;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME })
    @GET
    public CompletionStage<RuleStats> stats(@QueryParam("hours") String hours) {
        int n = hours(hours);
        CellScope scope = callers.current().scope();
        long to = System.currentTimeMillis();
        long from = to - n * HOUR;
        List<Rule> inForce = engine.rules().rules();
        return repository.raised(from, to, scope.everywhere() ? null : scope.roots())
                .thenApply(raises -> new RuleStats(n, from, to, rates(raises, inForce, n)));
    }

    private static List<RuleRate> rates(List<RuleRaises> raises, List<Rule> inForce, int hours) {
        Map<String, String> names = new HashMap<>();
        inForce.forEach(rule -> names.put(rule.id(), rule.name()));
        List<RuleRate> rates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RuleRaises r : raises) {
            rates.add(new RuleRate(r.rule(), names.get(r.rule()), r.category(), r.raised(), r.cleared(),
                    (double) r.raised() / hours));
            seen.add(r.rule() + '\u0000' + r.category());
        }
        for (Rule rule : inForce) {
            if (rule.enabled() && seen.add(rule.id() + '\u0000' + rule.category())) {
                rates.add(new RuleRate(rule.id(), rule.name(), rule.category(), 0, 0, 0));
            }
        }
        return rates;
    }

    private static int hours(String value) {
        Long parsed = QueryParams.optionalLong("hours", value);
        if (parsed == null) {
            return 1;
        }
        if (parsed < 1 || parsed > MAX_HOURS) {
            throw ProblemException.badField("hours", "'hours' must be between 1 and " + MAX_HOURS);
        }
        return parsed.intValue();
    }
}
