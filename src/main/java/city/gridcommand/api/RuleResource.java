package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.audit.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.rules.RuleProblem;
import city.gridcommand.rules.RuleSetResult;
import city.gridcommand.rules.RuleSetWriter;
import city.gridcommand.rules.runtime.RuleSets;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/rules}: the rule set in force (the documented default file until one is stored), and
 * its replacement as a whole: validated first, refused with 422 naming every bad rule and field, never
 * half-applied.
 */
@Path("/api/v1/rules")
public class RuleResource {

    /** The problem+json body of a refused rule set. */
    public record RuleRefusal(String type, String title, int status, String detail, String instance,
            List<RuleProblem> errors) {
    }

    private final RuleEngine engine;
    private final RuleSets ruleSets;
    private final Callers callers;
    private final AuditTrail audit;

    RuleResource(RuleEngine engine, RuleSets ruleSets, Callers callers, AuditTrail audit) {
        this.engine = engine;
        this.ruleSets = ruleSets;
        this.callers = callers;
        this.audit = audit;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME })
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] current() {
        return RuleSetWriter.toJson(engine.rules());
    }

    /** Replaces the whole city's rule set: only an admin whose token covers every cell ({@code *}). */
    @RolesAllowed(StaffRole.ADMIN_NAME)
    @PUT
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> replace(byte[] body) {
        Caller caller = callers.current();
        WholeCity.require(caller, "the rules");
        AuditTrail.Who who = audit.who(caller);
        RuleSetResult result = ruleSets.replace(body, engine);
        if (!result.accepted()) {
            RuleRefusal refusal = new RuleRefusal("about:blank", "Rule set refused", 422,
                    result.problems().size() + " problem(s) in the rule set; the rules in force are unchanged",
                    "/api/v1/rules", result.problems());
            return CompletableFuture.completedFuture(
                    Response.status(422).type(Problem.MEDIA_TYPE).entity(refusal).build());
        }
        byte[] now = RuleSetWriter.toJson(engine.rules());
        return who.record(AuditEntry.RULES_REPLACE, null, null, Map.of("rules", result.ruleSet().rules().size()))
                .thenApply(v -> Response.ok(now).build());
    }
}
