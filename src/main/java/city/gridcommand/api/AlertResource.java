package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.alerts.AckResult;
import city.gridcommand.alerts.AlertAcks;
import city.gridcommand.alerts.AlertState;
import city.gridcommand.alerts.PolicyJson;
import city.gridcommand.alerts.PolicyProblem;
import city.gridcommand.alerts.PolicyResult;
import city.gridcommand.alerts.runtime.AlertPolicies;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.signin.Callers;
import city.gridcommand.store.AlertRepository;
import city.gridcommand.store.StoredAlert;
import city.gridcommand.store.StoredAlertDelivery;
import city.gridcommand.store.StoredAlertRecipient;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/alerts}: alerts within the caller's cells (by event, state, person), one with everyone it
 * told and every delivery, an ack by the token's person, the dead deliveries, and the escalation policies
 * (read by staff, replaced whole by an admin of every cell: validated first, refused with 422 naming every
 * field).
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** The problem+json body of a refused policy set. */
    public record PolicyRefusal(String type, String title, int status, String detail, String instance,
            List<PolicyProblem> errors) {
    }

    /** What an ack did. */
    public record AckAnswer(String alertId, String status) {
    }

    private final AlertRepository alerts;
    private final AlertPolicies policies;
    private final AlertAcks acks;
    private final Callers callers;
    private final AuditTrail audit;

    AlertResource(AlertRepository alerts, AlertPolicies policies, AlertAcks acks, Callers callers, AuditTrail audit) {
        this.alerts = alerts;
        this.policies = policies;
        this.acks = acks;
        this.callers = callers;
        this.audit = audit;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME,
            StaffRole.LEADER_NAME, StaffRole.WORKER_NAME, StaffRole.SCREEN_NAME })
    @GET
    public CompletionStage<Map<String, Object>> listAlerts(@QueryParam("event") String event, @QueryParam("state") String state,
            @QueryParam("person") String person, @QueryParam("limit") String limit) {
        CellScope scope = callers.current().scope();
        UUID eventId = event == null || event.isBlank() ? null : uuid("event", event);
        if (state != null && !state.isBlank() && AlertState.fromWire(state) == null) {
            throw ProblemException.badField("state", "one of open, acked, resolved, exhausted, not '" + state + "'");
        }
        List<String> within = scope.everywhere() ? null : scope.roots();
        if (within != null && within.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of("items", List.of()));
        }
        return alerts.list(eventId, blankToNull(state), blankToNull(person), within,
                        QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT))
                .thenApply(list -> Map.of("items", list.stream().map(AlertResource::summary).toList()));
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME })
    @GET
    @Path("/deliveries")
    public CompletionStage<Map<String, Object>> alertDeliveries(@QueryParam("state") String state,
            @QueryParam("before") String before, @QueryParam("limit") String limit) {
        String asked = state == null || state.isBlank() ? "dead" : state;
        if (!List.of("pending", "sending", "sent", "retry", "dead", "cancelled").contains(asked)) {
            throw ProblemException.badField("state", "one of pending, sending, sent, retry, dead, cancelled, not '" + asked + "'");
        }
        WholeCity.require(callers.current(), "every alert's deliveries");
        return alerts.deliveries(asked, QueryParams.optionalLong("before", before),
                        QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT))
                .thenApply(list -> {
                    Map<String, Object> page = new LinkedHashMap<>();
                    page.put("items", list.stream().map(AlertResource::delivery).toList());
                    page.put("next", list.isEmpty() ? null : String.valueOf(list.get(list.size() - 1).id()));
                    return page;
                });
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME,
            StaffRole.LEADER_NAME, StaffRole.WORKER_NAME, StaffRole.SCREEN_NAME })
    @GET
    @Path("/{id}")
    public CompletionStage<Map<String, Object>> getAlert(@PathParam("id") String id) {
        CellScope scope = callers.current().scope();
        return alerts.detail(uuid("id", id)).thenApply(detail -> {
            if (detail == null) {
                throw ProblemException.notFound("no alert '" + id + "'");
            }
            if (!scope.covers(detail.alert().cell())) {
                throw ProblemException.outsideScope(null, detail.alert().cell(), scope);
            }
            Map<String, Object> body = summary(detail.alert());
            body.put("events", detail.events().stream().map(UUID::toString).toList());
            body.put("recipients", detail.recipients().stream().map(AlertResource::recipient).toList());
            body.put("deliveries", detail.deliveries().stream().map(AlertResource::delivery).toList());
            return body;
        });
    }

    /** The token's person acks: 200 (acked, or already acked), 403 NOT_RECIPIENT, 404 unknown, 409 ended. */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME,
            StaffRole.LEADER_NAME, StaffRole.WORKER_NAME })
    @POST
    @Path("/{id}/ack")
    public CompletionStage<AckAnswer> ackAlert(@PathParam("id") String id) {
        Caller caller = callers.current();
        uuid("id", id);
        AuditTrail.Who who = audit.who(caller);
        return acks.ack(id, caller.subject(), "rest", System.currentTimeMillis()).thenCompose(result -> {
            switch (result.status()) {
                case UNKNOWN_ALERT -> throw ProblemException.notFound("no alert '" + id + "'");
                case NOT_RECIPIENT -> throw new ProblemException(403, "NOT_RECIPIENT",
                        "alert " + id + " was not sent to " + caller.subject() + ": only a person it alerted acks it",
                        null);
                case ENDED -> throw new ProblemException(409, "Alert ended",
                        "alert " + id + " has ended (its events resolved, or its chain ran out)", null);
                default -> {
                }
            }
            AckAnswer answer = new AckAnswer(id, result.status().name());
            return result.status() == AckResult.Status.ACKED
                    ? who.record(AuditEntry.ALERT_ACK, id, null, Map.of("channel", "rest")).thenApply(v -> answer)
                    : CompletableFuture.completedFuture(answer);
        });
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME })
    @GET
    @Blocking
    @Path("/policies")
    public byte[] alertPolicies() {
        return PolicyJson.write(policies.current());
    }

    /** Replaces every policy: only an admin whose token covers every cell ({@code *}). */
    @RolesAllowed(StaffRole.ADMIN_NAME)
    @PUT
    @Blocking
    @Path("/policies")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> replacePolicies(byte[] body) {
        Caller caller = callers.current();
        WholeCity.require(caller, "the alert policies");
        AuditTrail.Who who = audit.who(caller);
        PolicyResult result = policies.replace(body);
        if (!result.accepted()) {
            PolicyRefusal refusal = new PolicyRefusal("about:blank", "Alert policies refused", 422,
                    result.problems().size() + " problem(s) in the policies; the policies in force are unchanged",
                    "/api/v1/alerts/policies", result.problems());
            return CompletableFuture.completedFuture(Response.status(422).type(Problem.MEDIA_TYPE).entity(refusal).build());
        }
        byte[] now = PolicyJson.write(result.policies());
        return who.record(AuditEntry.ALERT_POLICIES_REPLACE, null, null,
                Map.of("policies", result.policies().policies().size())).thenApply(v -> Response.ok(now).build());
    }

    /** An alert as the event detail and the list show it. */
    public static Map<String, Object> summary(StoredAlert a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", a.id().toString());
        body.put("cell", a.cell());
        body.put("cellPath", a.cellPath());
        body.put("category", a.category());
        body.put("severity", a.severity());
        body.put("reason", a.reason());
        body.put("policy", a.policy());
        body.put("state", a.state());
        body.put("step", a.step());
        body.put("round", a.round());
        body.put("openedAt", a.openedAt());
        body.put("nextStepAt", a.nextStepAt());
        body.put("ack", a.ackedBy() == null ? null
                : Map.of("person", a.ackedBy(), "channel", a.ackChannel(), "at", a.ackedAt()));
        body.put("endedAt", a.endedAt());
        body.put("endReason", a.endReason());
        return body;
    }

    private static Map<String, Object> recipient(StoredAlertRecipient r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", r.personId());
        body.put("step", r.step());
        body.put("round", r.round());
        body.put("kind", r.kind());
        body.put("source", r.source());
        body.put("notifiedAt", r.notifiedAt());
        return body;
    }

    private static Map<String, Object> delivery(StoredAlertDelivery d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", d.id());
        body.put("alertId", d.alertId().toString());
        body.put("person", d.personId());
        body.put("channel", d.channel());
        body.put("kind", d.kind());
        body.put("state", d.state());
        body.put("attempts", d.attempts());
        body.put("nextAttemptAt", d.nextAttemptAt());
        body.put("lastError", d.lastError());
        body.put("sentAt", d.sentAt());
        body.put("sentDetail", d.sentDetail());
        body.put("createdAt", d.createdAt());
        return body;
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "not an id: '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
