package city.gridcommand.api;

import city.gridcommand.cases.CaseAction;
import city.gridcommand.cases.Refusal;
import city.gridcommand.cases.Role;
import city.gridcommand.cases.runtime.CaseRefusedException;
import city.gridcommand.geo.geojson.GridTooLargeException;
import city.gridcommand.grid.GridRefusedException;
import city.gridcommand.store.CaseNotFoundException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the API as problem+json with the right status: refusals as they were raised,
 * framework errors (unknown path, wrong method, unreadable body) with their own status, and anything
 * unexpected as a 500 whose cause is logged here and never sent to the caller.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        Problem problem = new Problem("about:blank", e.title(), e.status(), e.getMessage(), uri.getPath(), e.field(),
                e.cell());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** 401: no token, or one that failed verification (signature, issuer, audience, expiry, claims). */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        boolean presented = e instanceof AuthenticationFailedException;
        String detail = presented ? "the bearer token was refused (signature, issuer, audience, expiry or claims)"
                + (e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage())
                : "this needs a bearer token (Authorization: Bearer …)";
        Problem problem = new Problem("about:blank", "Unauthorized", 401, detail, uri.getPath(), null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate",
                presented ? "Bearer error=\"invalid_token\"" : "Bearer").entity(problem).build();
    }

    /** 403: a valid token whose roles do not allow the route. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Not allowed for your role", "the roles of your token do not allow this request", uri,
                null);
    }

    /** 422 with every problem of the refused grid, each naming its feature, and what repair did or could do. */
    @ServerExceptionMapper
    public Response gridRefused(GridRefusedException e, UriInfo uri) {
        GridRefusal body = new GridRefusal("about:blank", "Grid refused", 422, e.getMessage(), uri.getPath(),
                GridProblemView.all(e.report().errors()), GridProblemView.all(e.report().warnings()),
                e.report().repairable(), e.repairs());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** 413 naming what is too large (features, vertices, one feature's geometry) and the limit. */
    @ServerExceptionMapper
    public Response gridTooLarge(GridTooLargeException e, UriInfo uri) {
        String detail = e.getMessage() + " (grid.import." + e.limitName() + ")";
        LimitExceeded body = new LimitExceeded("about:blank", "Grid too large", 413, detail, uri.getPath(),
                e.field(), e.limit());
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * 403 naming the cell (outside the caller's cells, in the same shape as every other resource's, and
     * nothing about the case), or 409, 403 or 400 from the case workflow, naming the allowed actions, the
     * token roles that may (never the service's own {@code system}), or the field.
     */
    @ServerExceptionMapper
    public Response caseRefused(CaseRefusedException e, UriInfo uri) {
        Refusal r = e.refusal();
        int status = r.kind().httpStatus();
        String title = switch (r.kind()) {
            case OUTSIDE_SCOPE -> "Outside your cells";
            case NOT_ALLOWED_IN_STATE -> "Action not allowed in this state";
            case FORBIDDEN_FOR_ROLE -> "Action not allowed for this role";
            case INVALID -> "Invalid request field";
        };
        if (r.kind() == Refusal.Kind.OUTSIDE_SCOPE) {
            Problem problem = new Problem("about:blank", title, status, r.reason(), uri.getPath(), r.field(), r.cell());
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        CaseRefusal body = new CaseRefusal("about:blank", title, status, r.reason(), uri.getPath(), r.field(),
                r.allowedActions().stream().map(CaseAction::wireName).toList(),
                r.allowedRoles().stream().map(Role::staffRole).filter(java.util.Objects::nonNull).sorted()
                        .map(city.gridcommand.access.StaffRole::wireName).toList());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response caseMissing(CaseNotFoundException e, UriInfo uri) {
        return respond(404, "Not found", e.getMessage(), uri, null);
    }

    /** A body Jackson could not bind: names the field by its JSON path. */
    @ServerExceptionMapper
    public Response unbindable(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        String detail = field == null ? "the body is not the JSON this endpoint takes"
                : "'" + field + "' has the wrong type: " + e.getOriginalMessage();
        return respond(400, "Invalid request field", detail, uri, field);
    }

    /** Quarkus maps this subtype itself; ours names the field. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unbindable(e, uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return respond(400, "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage(), uri, "body");
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(status, "Server error", "the request could not be completed", uri, null);
        }
        return respond(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error answering " + uri.getPath(), e);
        return respond(500, "Server error", "the request could not be completed; the cause is in the service log",
                uri, null);
    }

    private static Response respond(int status, String title, String detail, UriInfo uri, String field) {
        Problem problem = new Problem("about:blank", title, status, detail, uri.getPath(), field);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
