package city.gridcommand.api;

import city.gridcommand.access.StaffRole;
import jakarta.annotation.security.RolesAllowed;
import city.gridcommand.cases.Actor;
import city.gridcommand.cases.CaseAction;
import city.gridcommand.cases.Refusal;
import city.gridcommand.cases.Role;
import city.gridcommand.cases.TransitionRequest;
import city.gridcommand.cases.runtime.CaseRefusedException;
import city.gridcommand.cases.runtime.CaseService;
import city.gridcommand.signal.Severity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/v1/events/{id}/transitions}: one step of the seven-step workflow, e.g.
 * {@code {"action":"dispatch","to":"dept-urban","note":"…","actor":"disp-7","role":"dispatcher"}}.
 * Refused with 409 (not allowed in this state: the allowed actions named), 403 (not for this role: the
 * roles that may named) or 400 (a field). {@code actor}, {@code role} (and {@code unit}: a department
 * or a cell) say who acts, until sign-in gives them.
 */
@Path("/api/v1/events/{id}/transitions")
public class CaseTransitionResource {

    /** The request body; see the class Javadoc. */
    public record TransitionBody(String action, String to, String note, List<String> attachments, String severity,
            String score, String actor, String role, String unit) {
    }

    private final CaseService cases;

    CaseTransitionResource(CaseService cases) {
        this.cases = cases;
    }

    @RolesAllowed({ StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME, StaffRole.LEADER_NAME, StaffRole.WORKER_NAME, StaffRole.SERVICE_NAME })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Map<String, Object>> transition(@PathParam("id") String id, TransitionBody body) {
        return cases.transition(EventResource.uuid(id), request(body))
                .thenApply(change -> change.event().body().getMap());
    }

    static TransitionRequest request(TransitionBody body) {
        if (body == null) {
            throw ProblemException.badField("body", "a JSON object body is required");
        }
        if (body.action() == null) {
            throw ProblemException.badField("action", "'action' is required");
        }
        CaseAction action = CaseAction.fromWire(body.action());
        if (action == null) {
            throw new CaseRefusedException(Refusal.unknownAction(body.action()));
        }
        Role role = body.role() == null ? null : Role.fromWire(body.role());
        if (role == null || role == Role.SYSTEM) {
            throw ProblemException.badField("role", "'role' must be one of dispatcher, worker, leader, supervisor, "
                    + "department, hotline");
        }
        if (body.actor() == null || body.actor().isBlank()) {
            throw ProblemException.badField("actor", "'actor' (who acts) is required");
        }
        Severity severity = null;
        if (body.severity() != null) {
            try {
                severity = Severity.valueOf(body.severity());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("severity", "'severity' must be GREEN, YELLOW or RED");
            }
        }
        return new TransitionRequest(action, new Actor(body.actor(), role, body.unit()), body.to(), body.note(),
                body.attachments(), severity, body.score());
    }
}
