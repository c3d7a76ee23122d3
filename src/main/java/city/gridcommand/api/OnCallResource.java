package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.geo.Grid;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.oncall.ContactPreferences;
import city.gridcommand.oncall.ContactRules;
import city.gridcommand.oncall.Gap;
import city.gridcommand.oncall.OnCallAnswer;
import city.gridcommand.oncall.OnCallShift;
import city.gridcommand.oncall.QuietHours;
import city.gridcommand.oncall.Schedule;
import city.gridcommand.oncall.ScheduleProblem;
import city.gridcommand.oncall.ScheduleReader;
import city.gridcommand.oncall.ScheduleValidator;
import city.gridcommand.oncall.ScheduleWriter;
import city.gridcommand.oncall.runtime.OnCallContacts;
import city.gridcommand.oncall.runtime.OnCallSchedules;
import city.gridcommand.oncall.runtime.OnCallSchedules.InForce;
import city.gridcommand.signin.Callers;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/oncall}: who is on call (值班). The schedules are one set, read by the staff in their cells
 * (a schedule is in a caller's cells when its cell is) and replaced by an admin or dispatcher: validated as a
 * whole (400 naming every field at fault, nothing changed), stored, in force at once on every instance, the
 * gaps of 24/7 schedules answered as warnings. A caller whose token does not cover the whole city replaces
 * only the schedules of their cells: every schedule sent must be in them (403 naming the field), and the
 * others stay as they are. Also: one schedule's shift plan, "who is on call" for a cell and department, and
 * each person's contact preferences (their own, or anyone's for an admin or dispatcher).
 */
@Path("/api/v1/oncall")
@Produces(MediaType.APPLICATION_JSON)
public class OnCallResource {

    /** The staff who read schedules and ask who is on call. */
    private static final StaffRole[] READERS = { StaffRole.ADMIN, StaffRole.DISPATCHER, StaffRole.SUPERVISOR,
            StaffRole.LEADER, StaffRole.SCREEN, StaffRole.HANDLER };
    private static final Duration DEFAULT_PLAN = Duration.ofDays(7);
    private static final Pattern INDEX = Pattern.compile("schedules\\[(\\d+)]");

    /** One error or warning of a schedule set: the field at fault; for a gap, its start and end (epoch ms). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleProblemView(String field, String detail, Long from, Long to) {
        static ScheduleProblemView of(ScheduleProblem p) {
            return new ScheduleProblemView(p.path(), p.message(), p.from(), p.to());
        }
    }

    /** The problem+json body of a refused schedule set: the first field at fault, then every error and warning. */
    public record ScheduleRefusal(String type, String title, int status, String detail, String instance, String field,
            List<ScheduleProblemView> errors, List<ScheduleProblemView> warnings) {
    }

    /** The answer to "who is on call". */
    public record WhoView(String person, String schedule, String source, long until, String cell, String department,
            long at) {
    }

    /** A schedule's plan between two times: the shifts, and the stretches with nobody. */
    public record PlanView(String schedule, long from, long to, List<ShiftView> shifts, List<Gap> gaps) {
    }

    public record ShiftView(long from, long to, String person, String source) {
    }

    /** Quiet hours as HH:mm, in the city's time. */
    public record QuietHoursBody(String from, String to) {
    }

    /** A person's contact preferences as sent and shown; {@code stored} false: the defaults. */
    public record ContactView(String person, List<String> channels, QuietHoursBody quietHours, Boolean stored) {
    }

    private final OnCallSchedules schedules;
    private final OnCallContacts contacts;
    private final LiveGrid liveGrid;
    private final Callers callers;
    private final AuditTrail audit;

    OnCallResource(OnCallSchedules schedules, OnCallContacts contacts, LiveGrid liveGrid, Callers callers,
            AuditTrail audit) {
        this.schedules = schedules;
        this.contacts = contacts;
        this.liveGrid = liveGrid;
        this.callers = callers;
        this.audit = audit;
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME,
            StaffRole.SCREEN_NAME, StaffRole.HANDLER_NAME })
    @GET
    @Path("/schedules")
    public ObjectNode list() {
        CellScope scope = callers.current().scope();
        InForce now = schedules.inForce();
        return document(now.version(), now.schedules().stream().filter(s -> scope.covers(s.cell())).toList());
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME })
    @PUT
    @Path("/schedules")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> replace(byte[] body) {
        Caller caller = callers.current();
        AuditTrail.Who who = audit.who(caller);
        CellScope scope = caller.scope();
        ScheduleReader.Read read = schedules.read(body);
        if (!read.ok()) {
            return refused(read.errors(), List.of());
        }
        List<Schedule> sent = read.schedules();
        for (int i = 0; i < sent.size(); i++) {
            if (!scope.covers(sent.get(i).cell())) {
                throw ProblemException.outsideScope("schedules[" + i + "].cell", sent.get(i).cell(), scope);
            }
        }
        InForce current = schedules.inForce();
        // the schedules outside the caller's cells stay as they are, after the ones sent
        List<Schedule> kept = scope.everywhere() ? List.of()
                : current.schedules().stream().filter(s -> !scope.covers(s.cell())).toList();
        List<Schedule> next = new ArrayList<>(sent);
        next.addAll(kept);
        ScheduleValidator.Report report = schedules.check(next, System.currentTimeMillis());
        List<ScheduleProblem> errors = renamed(report.errors(), sent.size(), next);
        List<ScheduleProblem> warnings = renamed(report.warnings(), sent.size(), next);
        if (!report.ok()) {
            return refused(errors, warnings);
        }
        long version = schedules.replace(next, current.version(), caller.subject());
        if (version < 0) {
            throw new ProblemException(409, "Replaced meanwhile", "the on-call schedules were replaced by someone "
                    + "else while this request was checked; read them again and send yours", null);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("schedules", sent.stream().map(Schedule::id).toList());
        detail.put("kept", kept.size());
        detail.put("warnings", warnings.size());
        ObjectNode answer = document(version, sent);
        ArrayNode w = answer.putArray("warnings");
        warnings.forEach(p -> w.addPOJO(ScheduleProblemView.of(p)));
        return who.record(AuditEntry.ONCALL_SCHEDULES_REPLACE, Long.toString(version),
                        scope.everywhere() ? null : scope.roots().get(0), detail)
                .thenApply(v -> Response.ok(answer).build());
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME,
            StaffRole.SCREEN_NAME, StaffRole.HANDLER_NAME })
    @GET
    @Path("/schedules/{id}/shifts")
    public PlanView shifts(@PathParam("id") String id, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam) {
        Caller caller = callers.current();
        Schedule schedule = schedules.inForce().schedule(id)
                .orElseThrow(() -> ProblemException.notFound("no on-call schedule '" + id + "'"));
        if (!caller.scope().covers(schedule.cell())) {
            throw ProblemException.outsideScope(null, schedule.cell(), caller.scope());
        }
        Long from = QueryParams.optionalLong("from", fromParam);
        long start = from == null ? System.currentTimeMillis() : from;
        Long to = QueryParams.optionalLong("to", toParam);
        long end = to == null ? start + DEFAULT_PLAN.toMillis() : to;
        if (end <= start) {
            throw ProblemException.badField("to", "'to' must be after 'from'");
        }
        Duration max = schedules.settings().maxPlanSpan();
        if (end - start > max.toMillis()) {
            throw ProblemException.badField("to", "a plan covers at most " + max.toDays() + " days (grid.oncall.max-plan-span)");
        }
        List<ShiftView> shifts = schedules.clock().plan(schedule, start, end).stream()
                .map(s -> new ShiftView(s.from(), s.to(), s.personId(), s.source())).toList();
        return new PlanView(id, start, end, shifts, schedules.clock().gaps(schedule, start, end));
    }

    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME,
            StaffRole.SCREEN_NAME, StaffRole.HANDLER_NAME })
    @GET
    @Path("/who")
    public WhoView who(@QueryParam("cell") String cell, @QueryParam("department") String department,
            @QueryParam("at") String atParam) {
        Caller caller = callers.current();
        if (cell == null || cell.isBlank()) {
            throw ProblemException.badField("cell", "'cell' is required: the code of the cell asked about");
        }
        String code = cell.trim();
        Grid grid = liveGrid.snapshot().grid();
        if (grid.cell(code) == null) {
            throw ProblemException.badField("cell", "unknown cell '" + code + "' (not in the grid in force)");
        }
        if (!caller.scope().covers(code)) {
            throw ProblemException.outsideScope("cell", code, caller.scope());
        }
        String dept = department == null || department.isBlank() ? null : department.trim();
        Long at = QueryParams.optionalLong("at", atParam);
        long when = at == null ? System.currentTimeMillis() : at;
        OnCallAnswer answer = schedules.onCall(grid.path(code), dept, when).orElseThrow(() -> ProblemException.notFound(
                "nobody is on call for cell " + code + (dept == null ? " (no department)" : " and department " + dept)
                        + " at " + when));
        return new WhoView(answer.personId(), answer.scheduleId(), answer.source(), answer.until(), code, dept, when);
    }

    /** A person's preferences: their own (any signed-in person), or anyone's for the staff who read schedules. */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME,
            StaffRole.SCREEN_NAME, StaffRole.HANDLER_NAME, StaffRole.WORKER_NAME, StaffRole.SERVICE_NAME })
    @GET
    @Path("/people/{id}")
    public ContactView person(@PathParam("id") String id) {
        Caller caller = callers.current();
        if (!caller.subject().equals(id) && !caller.hasAny(READERS)) {
            throw ProblemException.forbidden("your token reads only your own contact preferences, not '" + id + "'");
        }
        return view(contacts.of(id), contacts.hasStored(id));
    }

    /** Stores a person's preferences: their own, or anyone's for an admin or dispatcher. */
    @RolesAllowed({ StaffRole.ADMIN_NAME, StaffRole.DISPATCHER_NAME, StaffRole.SUPERVISOR_NAME, StaffRole.LEADER_NAME,
            StaffRole.SCREEN_NAME, StaffRole.HANDLER_NAME, StaffRole.WORKER_NAME, StaffRole.SERVICE_NAME })
    @PUT
    @Path("/people/{id}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<ContactView> putPerson(@PathParam("id") String id, ContactView body) {
        Caller caller = callers.current();
        AuditTrail.Who who = audit.who(caller);
        if (!caller.subject().equals(id) && !caller.hasAny(StaffRole.ADMIN, StaffRole.DISPATCHER)) {
            throw ProblemException.forbidden("your token stores only your own contact preferences, not '" + id + "'");
        }
        if (body == null) {
            throw ProblemException.badField("channels", "a body {\"channels\":[…],\"quietHours\":{\"from\",\"to\"}} is required");
        }
        if (body.person() != null && !body.person().equals(id)) {
            throw ProblemException.badField("person", "'person' must be the id of the path ('" + id + "') or absent");
        }
        List<ScheduleProblem> errors = ContactRules.checkChannels(body.channels());
        if (!errors.isEmpty()) {
            throw ProblemException.badField(errors.get(0).path(), errors.get(0).message());
        }
        ContactPreferences preferences = new ContactPreferences(id, body.channels(), quietHours(body.quietHours()));
        contacts.save(preferences);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("channels", preferences.channels());
        detail.put("quietHours", body.quietHours() == null ? null : body.quietHours().from() + "-" + body.quietHours().to());
        return who.record(AuditEntry.ONCALL_CONTACT_PUT, id, null, detail).thenApply(v -> view(preferences, true));
    }

    private static QuietHours quietHours(QuietHoursBody body) {
        if (body == null) {
            return null;
        }
        LocalTime from = time("quietHours.from", body.from());
        LocalTime to = time("quietHours.to", body.to());
        if (from.equals(to)) {
            throw ProblemException.badField("quietHours.to", "quiet hours must not start and end at the same time");
        }
        return new QuietHours(from, to);
    }

    private static LocalTime time(String field, String text) {
        if (text == null || !text.trim().matches("[0-9]{2}:[0-9]{2}")) {
            throw ProblemException.badField(field, "'" + field + "' must be a time of day HH:mm");
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badField(field, "'" + field + "' must be a time of day HH:mm");
        }
    }

    private static ContactView view(ContactPreferences p, boolean stored) {
        QuietHours q = p.quietHours();
        return new ContactView(p.personId(), p.channels(),
                q == null ? null : new QuietHoursBody(hhmm(q.from()), hhmm(q.to())), stored);
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static ObjectNode document(long version, List<Schedule> list) {
        ObjectNode doc = ScheduleWriter.document(list);
        ObjectNode answer = doc.objectNode();
        answer.put("version", version);
        answer.set("schedules", doc.get("schedules"));
        return answer;
    }

    private static CompletionStage<Response> refused(List<ScheduleProblem> errors, List<ScheduleProblem> warnings) {
        ScheduleRefusal refusal = new ScheduleRefusal("about:blank", "On-call schedules refused", 400,
                errors.size() + " error(s) in the schedules; the schedules in force are unchanged", "/api/v1/oncall/schedules",
                errors.get(0).path(), errors.stream().map(ScheduleProblemView::of).toList(),
                warnings.stream().map(ScheduleProblemView::of).toList());
        return CompletableFuture.completedFuture(Response.status(400).type(Problem.MEDIA_TYPE).entity(refusal).build());
    }

    /**
     * The paths of problems of schedules that were not sent (kept, outside the caller's cells) name them by id
     * rather than by an index the caller never sent.
     */
    private static List<ScheduleProblem> renamed(List<ScheduleProblem> problems, int sent, List<Schedule> all) {
        List<ScheduleProblem> out = new ArrayList<>();
        for (ScheduleProblem p : problems) {
            out.add(new ScheduleProblem(rename(p.path(), sent, all), rename(p.message(), sent, all), p.from(), p.to()));
        }
        return out;
    }

    private static String rename(String text, int sent, List<Schedule> all) {
        Matcher m = INDEX.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(i < sent ? m.group() : "inForce[" + all.get(i).id() + "]"));
        }
        m.appendTail(b);
        return b.toString();
    }
}
