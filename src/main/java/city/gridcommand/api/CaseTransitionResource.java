package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.cases.Actor;
import city.gridcommand.cases.CaseAction;
import city.gridcommand.cases.Refusal;
import city.gridcommand.cases.Transition;
import city.gridcommand.cases.TransitionRequest;
import city.gridcommand.cases.runtime.CaseRefusedException;
import city.gridcommand.cases.runtime.CaseService;
import city.gridcommand.signal.Severity;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/v1/events/{id}/transitions}: one step of the seven-step workflow, e.g.
 * {@code {"action":"dispatch","to":"dept-urban","note":"…"}}. Who acts is the caller's token: its subject
 * is the actor, its roles the parts they may play (dispatcher, supervisor, handler → department, leader,
 * worker, service → hotline; the first the workflow allows is used), its unit and cells what they may act
 * on. {@code actor}, {@code role} and {@code unit} in a body are ignored. Refused with 403 naming the cell
 * (the case, or the {@code to} of a dispatch or merge, outside the caller's cells), 409 (not allowed in
 * this state: the allowed actions named), 403 (not for these roles, or not this caller's case: the token
 * roles that may named) or 400 (a field). Each step taken is audited ({@code case.transition}).
 */
@Path("/api/v1/events/{id}/transitions")
public class CaseTransitionResource {

    /**
     * The request body; see the class Javadoc. {@code actor}, {@code role} and {@code unit}, which clients
     * sent before sign-in, are accepted and ignored.
     */
    @JsonIgnoreProperties({ "actor", "role", "unit" })
    public record TransitionBody(String action, String to, String note, List<String> attachments, String severity,
            String score) {
    }

    private final CaseService cases;
    private final Callers callers;
    private final AuditTrail audit;

    CaseTransitionResource(CaseService cases, Callers callers, AuditTrail audit) {
        this.cases = cases;
        this.callers = callers;
        this.audit = audit;
    }

    @RolesAllowed({ StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME,
            StaffRole.LEADER_NAME, StaffRole.WORKER_NAME, StaffRole.SERVICE_NAME })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Map<String, Object>> transition(@PathParam("id") String id, TransitionBody body) {
        Caller caller = callers.current();
        AuditTrail.Who who = audit.who(caller);
        UUID event = EventResource.uuid(id);
        TransitionRequest request = request(body, Actor.of(caller));
        return cases.transition(event, request).thenCompose(step -> who
                .record(AuditEntry.CASE_TRANSITION, event.toString(), step.change().event().cell(),
                        detail(step.transition(), request))
                .thenApply(recorded -> step.change().event().body().getMap()));
    }

    /** What the audit entry says of a step: the action, the role used, the states before and after, {@code to}. */
    private static Map<String, Object> detail(Transition t, TransitionRequest request) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("action", t.action().wireName());
        detail.put("role", t.role().wireName());
        detail.put("fromState", t.from().wireName());
        detail.put("toState", t.to().wireName());
        detail.put("to", request.to());
        return detail;
    }

    static TransitionRequest request(TransitionBody body, Actor actor) {
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
        Severity severity = null;
        if (body.severity() != null) {
            try {
                severity = Severity.valueOf(body.severity());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("severity", "'severity' must be GREEN, YELLOW or RED");
            }
        }
        return new TransitionRequest(action, actor, body.to(), body.note(), body.attachments(), severity,
                body.score());
    }
}
