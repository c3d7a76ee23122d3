package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.cases.Actor;
import city.gridcommand.cases.CaseAction;
import city.gridcommand.cases.runtime.CaseService;
import jakarta.annotation.security.RolesAllowed;
import city.gridcommand.event.EventRaise;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.signal.Severity;
import city.gridcommand.event.EventRaising;
import city.gridcommand.store.AlertRepository;
import city.gridcommand.store.CaseStore;
import city.gridcommand.store.EventChange;
import city.gridcommand.store.EventQuery;
import city.gridcommand.store.EventRepository;
import city.gridcommand.store.EventRepository.HistoryEntry;
import city.gridcommand.store.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * {@code /api/v1/events}: events (cases) by cell subtree, state, open or not, severity, category and time, newest
 * first; one with its full history; and a new case from the hotline (12345) or a dispatcher, which joins
 * the open case of its cell and category if there is one.
 *
 * <p>Everything is within the caller's cells (their token's cells claim): a list holds only cases in them
 * ({@code cell} wider than them is narrowed to their part of it, {@code cell} outside them is 403), a case
 * outside them is 403 naming its cell, and so is a new case whose cell is outside them. A case with no
 * cell is seen only by a caller of every cell ({@code *}). A {@code service} account raises only hotline
 * cases; a dispatcher's own case names the dispatcher (the token's subject) as its reporter. Each new case
 * is audited ({@code case.create}).
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    /** The most alerts an event's detail lists. */
    private static final int ALERTS_SHOWN = 50;

    /** A page of events; {@code next} is the {@code before} of the following page. */
    public record EventPage(List<Map<String, Object>> items, String next) {
    }

    /**
     * An event with its history, oldest entry first, and the workflow steps the caller's token may take on
     * it now (wire names, e.g. {@code register}; empty for a screen, an admin, or a caller whose turn it is
     * not), and the alerts it gave, newest first (state, step, ack: who, over which channel, when; the people told
     * and each delivery are {@code GET /api/v1/alerts/{id}}).
     */
    public record EventDetail(Map<String, Object> event, List<HistoryEntry> history, List<String> allowedActions,
            List<Map<String, Object>> alerts) {
    }

    /** A case reported by phone or raised by a dispatcher; a position ({@code lat}/{@code lon}) or a base {@code cell}. */
    public record NewEvent(String category, String severity, Double lat, Double lon, String cell, String description,
            String reporter, String origin) {
    }

    private final EventRepository events;
    private final CaseStore cases;
    private final CaseService workflow;
    private final EventRaising raising;
    private final LiveGrid liveGrid;
    private final Callers callers;
    private final AuditTrail audit;
    private final AlertRepository alerts;

    EventResource(EventRepository events, CaseStore cases, CaseService workflow, EventRaising raising,
            LiveGrid liveGrid, Callers callers, AuditTrail audit, AlertRepository alerts) {
        this.alerts = alerts;
        this.events = events;
        this.cases = cases;
        this.workflow = workflow;
        this.raising = raising;
        this.liveGrid = liveGrid;
        this.callers = callers;
        this.audit = audit;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME,
            StaffRole.LEADER_NAME, StaffRole.WORKER_NAME, StaffRole.SCREEN_NAME, StaffRole.SERVICE_NAME })
    @GET
    public CompletionStage<EventPage> list(@QueryParam("cell") String cell, @QueryParam("state") String state,
            @QueryParam("open") String open, @QueryParam("severity") String severity, @QueryParam("category") String category,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        CellScope scope = callers.current().scope();
        String asked = blankToNull(cell);
        String subtree = asked;
        List<String> within = null;
        if (!scope.everywhere()) {
            if (asked == null) {
                within = scope.roots();
            } else if (scope.covers(asked)) {
                within = List.of(asked);
            } else {
                // a cell wider than the caller's: their part of it; one that does not meet theirs: refused
                within = scope.within(asked).roots();
                if (within.isEmpty()) {
                    throw ProblemException.outsideScope("cell", asked, scope);
                }
            }
            if (within.size() == 1) {
                subtree = within.get(0); // one subtree: found through the cell_path index
            }
        }
        EventQuery query = new EventQuery(subtree, within, blankToNull(state), openOrNull(open), severityOrNull(severity),
                blankToNull(category), QueryParams.optionalLong("from", from), QueryParams.optionalLong("to", to),
                cursor(before), QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        if (within != null && within.isEmpty()) {
            return CompletableFuture.completedFuture(new EventPage(List.of(), null));
        }
        return events.page(query).thenApply(page -> new EventPage(
                page.items().stream().map(e -> e.body().getMap()).toList(), page.next()));
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.HANDLER_NAME,
            StaffRole.LEADER_NAME, StaffRole.WORKER_NAME, StaffRole.SCREEN_NAME, StaffRole.SERVICE_NAME })
    @GET
    @Path("/{id}")
    public CompletionStage<EventDetail> get(@PathParam("id") String id) {
        Caller caller = callers.current();
        CellScope scope = caller.scope();
        UUID uuid = uuid(id);
        return events.find(uuid).thenCompose(event -> {
            if (event == null) {
                throw ProblemException.notFound("no event '" + id + "'");
            }
            if (!scope.covers(event.cell())) {
                throw ProblemException.outsideScope(null, event.cell(), scope);
            }
            List<String> allowed = workflow.allowedActions(event, Actor.of(caller)).stream()
                    .map(CaseAction::wireName).toList();
            return events.history(uuid).thenCombine(alerts.list(uuid, null, null, null, ALERTS_SHOWN),
                    (history, alertList) -> new EventDetail(event.body().getMap(), history, allowed,
                            alertList.stream().map(AlertResource::summary).toList()));
        });
    }

    /** 201 with the new case, or 200 with the open case of the same cell and category that it joined. */
    @RolesAllowed({ StaffRole.DISPATCHER_NAME, StaffRole.SERVICE_NAME })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> report(NewEvent body) {
        Caller caller = callers.current();
        AuditTrail.Who who = audit.who(caller);
        if (body == null) {
            throw ProblemException.badField("body", "a JSON object body is required");
        }
        String origin = body.origin() == null ? "hotline" : body.origin();
        if (!origin.equals("hotline") && !origin.equals("dispatcher")) {
            throw ProblemException.badField("origin", "'origin' must be hotline or dispatcher");
        }
        if (origin.equals("dispatcher") && !caller.has(StaffRole.DISPATCHER)) {
            throw ProblemException.forbidden("a service account raises only hotline cases ('origin' hotline)");
        }
        if (body.category() == null || body.category().isBlank()) {
            throw ProblemException.badField("category", "'category' is required (a code of the category catalogue)");
        }
        CellLocation at = where(body);
        if (!caller.scope().covers(at.baseCell())) {
            throw ProblemException.outsideScope(body.cell() != null ? "cell" : null, at.baseCell(), caller.scope());
        }
        long now = System.currentTimeMillis();
        // a dispatcher's own case is reported by the dispatcher; a hotline case by whom the call names
        String reporter = origin.equals("dispatcher") ? caller.subject() : body.reporter();
        EventRaising.Call call = new EventRaising.Call(origin, body.category(), severityOrDefault(body.severity()),
                reporter, body.description());
        EventRaise raise = raising.ofCall(call, at, now);
        return cases.raise(raise).thenCompose(change -> {
            boolean raised = EventChange.RAISED.equals(change.type());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("category", raise.category());
            detail.put("severity", raise.severity());
            detail.put("origin", origin);
            detail.put("joined", !raised);
            return who.record(AuditEntry.CASE_CREATE, change.event().id().toString(), change.event().cell(), detail)
                    .thenApply(recorded -> Response.status(raised ? 201 : 200)
                            .entity(change.event().body().getMap()).build());
        });
    }

    private CellLocation where(NewEvent body) {
        LiveGrid.Snapshot now = liveGrid.snapshot();
        if (body.cell() != null) {
            var cell = now.grid().cell(body.cell());
            if (cell == null || !cell.isBaseCell()) {
                throw ProblemException.badField("cell", "'cell' must be a base cell of the current grid");
            }
            return new CellLocation(cell.code(), now.grid().path(cell.code()), List.of(), List.of());
        }
        if (body.lat() == null || body.lon() == null || body.lat() < -90 || body.lat() > 90 || body.lon() < -180
                || body.lon() > 180) {
            throw ProblemException.badField(body.lat() == null || body.lat() < -90 || body.lat() > 90 ? "lat" : "lon",
                    "give 'lat' in [-90, 90] and 'lon' in [-180, 180], or a base 'cell'");
        }
        CellLocation at = now.map().locate(body.lat(), body.lon());
        if (at.outside()) {
            throw ProblemException.badField("lat", "the position is in no base cell of the grid");
        }
        return at;
    }

    private static Severity severityOrDefault(String value) {
        return value == null ? null : Severity.valueOf(severityOrNull(value));
    }

    private static String severityOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(value.trim()).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("severity", "'severity' must be GREEN, YELLOW or RED");
        }
    }

    /** {@code open}: absent any, {@code true} the open ones (REPORTED to FEEDBACK), {@code false} the others. */
    private static Boolean openOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badField("open", "'open' must be true or false");
        };
    }

    private static String cursor(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        int slash = before.indexOf('/');
        try {
            Long.parseLong(before.substring(0, Math.max(slash, 0)));
            UUID.fromString(before.substring(slash + 1));
            return before;
        } catch (RuntimeException e) {
            throw ProblemException.badField("before", "'before' must be the 'next' of a previous page");
        }
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no event '" + id + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
