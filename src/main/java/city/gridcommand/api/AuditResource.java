package city.gridcommand.api;

import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.audit.AuditLog;
import city.gridcommand.audit.AuditQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/v1/audit?actor=&action=&target=&cell=&from=&to=&before=&limit=}: the audit trail, newest
 * first; {@code cell} is a cell and everything under it, {@code from}/{@code to} bound {@code at} (epoch ms),
 * {@code next} is the {@code before} cursor of the following page, or null.
 * {@code GET /api/v1/audit/{id}}: one entry. For admins only; read-only, as the trail is append-only.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StaffRole.ADMIN_NAME)
public class AuditResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** A page of audit entries. */
    public record Page(List<AuditEntryView> items, Long next) {
    }

    /** One audit entry; {@code at} in epoch ms, {@code detail} the JSON object the action recorded. */
    public record AuditEntryView(long id, long at, String actor, List<String> roles, String address, String action,
            String target, String cell, Map<String, Object> detail) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id(), e.at(), e.actor(), e.roles(), e.address(), e.action(), e.target(),
                    e.cell(), e.detail());
        }
    }

    private final AuditLog audit;
    private final Callers callers;

    AuditResource(AuditLog audit, Callers callers) {
        this.audit = audit;
        this.callers = callers;
    }

    @GET
    public CompletionStage<Page> page(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("target") String target, @QueryParam("cell") String cell, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("before") String before, @QueryParam("limit") String limit) {
        WholeCity.require(callers.current(), "the audit trail's entries");
        AuditQuery query = new AuditQuery(text(actor), text(action), text(target), text(cell),
                QueryParams.optionalLong("from", from), QueryParams.optionalLong("to", to),
                QueryParams.optionalLong("before", before), QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return audit.page(query).thenApply(rows -> new Page(rows.stream().map(AuditEntryView::of).toList(),
                rows.size() == query.limit() ? rows.get(rows.size() - 1).id() : null));
    }

    @GET
    @Path("{id}")
    public CompletionStage<AuditEntryView> one(@PathParam("id") String id) {
        WholeCity.require(callers.current(), "the audit trail's entries");
        long key = id(id);
        return audit.find(key).thenApply(found -> found.map(AuditEntryView::of)
                .orElseThrow(() -> ProblemException.notFound("no audit entry " + key)));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField("id", "an audit entry's id is an integer, not '" + id + "'");
        }
    }

    /** A text filter: trimmed, absent when blank. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
