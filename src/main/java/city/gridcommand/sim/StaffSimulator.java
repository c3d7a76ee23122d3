package city.gridcommand.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The centre's people at work while the city lives ({@code simulate --staff}): a dispatcher registers or
 * refuses reported cases and dispatches registered ones to their category's department; each department's
 * handler accepts its cases and feeds back; a supervisor closes or sends back for rework, then evaluates.
 * Each signs in with the demo login and acts with their own token through {@code POST
 * /api/v1/events/{id}/transitions}; what each decides and how long it takes comes from {@link StaffDesk},
 * timed on the city clock the simulator's messages run on. A step the service refuses (409: someone else
 * moved the case; 403) is logged and counted, never fatal. One thread polls every {@link #TICK}.
 */
public final class StaffSimulator implements AutoCloseable {

    public static final String DEFAULT_PASSWORD = "demo";
    static final Duration TICK = Duration.ofMillis(250);
    /** How close (service time) to its deadline an on-time case is fed back at the latest. */
    static final long DEADLINE_MARGIN_MILLIS = 2_000;
    /** Pages of {@link StaffApi#PAGE} events read per state and round. */
    private static final int PAGES = 4;
    private static final int LOGGED_REFUSALS = 20;

    /** What the staff have done so far. */
    public record Counts(long registered, long refused, long dispatched, long accepted, long fedBack, long late,
            long closed, long reworked, long evaluated, long refusedByService, long errors) {

        /** The staff's part of the progress line. */
        public String line() {
            return String.format(Locale.ROOT, "staff: registered %,d refused %,d dispatched %,d accepted %,d"
                    + " fed back %,d (late %,d) closed %,d reworked %,d evaluated %,d refused-by-service %,d%s",
                    registered, refused, dispatched, accepted, fedBack, late, closed, reworked, evaluated,
                    refusedByService, errors == 0 ? "" : String.format(Locale.ROOT, " errors %,d", errors));
        }
    }

    /** A demo person and their current token. */
    private final class Person {
        final String user;
        String token;

        Person(String user) throws IOException, InterruptedException {
            this.user = user;
            this.token = api.login(user, password);
        }

        void signInAgain() throws IOException, InterruptedException {
            token = api.login(user, password);
        }
    }

    private enum Counter {
        REGISTERED, REFUSED, DISPATCHED, ACCEPTED, FED_BACK, LATE, CLOSED, REWORKED, EVALUATED
    }

    private final StaffApi api;
    private final String password;
    private final StaffDesk desk;
    private final LongSupplier cityClock;
    private final PrintStream log;
    private final Person dispatcher;
    private final Person supervisor;
    private final Map<String, Person> handlers = new LinkedHashMap<>();
    private final Map<String, String> departments;
    /** Per list polled (state, and department for handlers): case step → city time first seen ({@code null}: given up). */
    private final Map<String, Map<String, Long>> seen = new HashMap<>();
    private final Map<Counter, AtomicLong> counts = new HashMap<>();
    private final AtomicLong refusedByService = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private StaffSimulator(URI apiUrl, String password, long seed, LongSupplier cityClock, PrintStream log)
            throws IOException, InterruptedException {
        this.api = new StaffApi(apiUrl);
        this.password = password;
        this.desk = new StaffDesk(seed);
        this.cityClock = cityClock;
        this.log = log;
        for (Counter counter : Counter.values()) {
            counts.put(counter, new AtomicLong());
        }
        this.dispatcher = new Person("dispatcher");
        this.supervisor = new Person("supervisor");
        this.departments = api.departments(dispatcher.token);
        for (String department : new TreeSet<>(departments.values())) {
            handlers.put(department, new Person("handler-" + department));
        }
        this.thread = new Thread(this::work, "simulate-staff");
        this.thread.setDaemon(true);
    }

    /**
     * Signs the staff in at {@code api} with the demo {@code password} and sets them to work, timed on
     * {@code cityClock} (city milliseconds).
     *
     * @throws IllegalStateException when the service refuses a sign-in
     * @throws IOException when the service cannot be reached
     */
    public static StaffSimulator start(URI api, String password, long seed, LongSupplier cityClock, PrintStream log)
            throws IOException, InterruptedException {
        StaffSimulator staff = new StaffSimulator(api, password, seed, cityClock, log);
        log.println("simulate: staff signed in at " + api + ": dispatcher, supervisor and "
                + String.join(", ", staff.handlers.keySet().stream().map(d -> "handler-" + d).toList()));
        staff.thread.start();
        return staff;
    }

    public Counts counts() {
        return new Counts(count(Counter.REGISTERED), count(Counter.REFUSED), count(Counter.DISPATCHED),
                count(Counter.ACCEPTED), count(Counter.FED_BACK), count(Counter.LATE), count(Counter.CLOSED),
                count(Counter.REWORKED), count(Counter.EVALUATED), refusedByService.get(), errors.get());
    }

    /** Stops after the round under way. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(30).toMillis());
    }

    private void work() {
        long tick = TICK.toNanos();
        while (running) {
            long start = System.nanoTime();
            try {
                round();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
                errors.incrementAndGet();
                log.println("simulate: staff: " + e);
            }
            long wait = tick - (System.nanoTime() - start);
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void round() throws IOException, InterruptedException {
        for (JsonNode event : list(dispatcher, "REPORTED", null)) {
            String id = id(event);
            StaffDesk.Intake intake = desk.intake(id);
            if (due(event, "REPORTED", null, intake.delayMillis())) {
                ObjectNode step = intake.register() ? api.step("register")
                        : api.step("refuse").put("note", intake.reason());
                act(dispatcher, event, "REPORTED", null, step, intake.register() ? Counter.REGISTERED : Counter.REFUSED);
            }
        }
        for (JsonNode event : list(dispatcher, "REGISTERED", null)) {
            if (due(event, "REGISTERED", null, desk.dispatchDelay(id(event), reworks(event)))) {
                String department = departments.getOrDefault(event.path("category").asText(),
                        event.path("department").asText(null));
                if (department != null) {
                    act(dispatcher, event, "REGISTERED", null, api.step("dispatch").put("to", department),
                            Counter.DISPATCHED);
                }
            }
        }
        for (Map.Entry<String, Person> entry : handlers.entrySet()) {
            String department = entry.getKey();
            Person handler = entry.getValue();
            for (JsonNode event : list(handler, "DISPATCHED", department)) {
                if (due(event, "DISPATCHED", department, desk.acceptDelay(id(event), reworks(event)))) {
                    act(handler, event, "DISPATCHED", department, api.step("accept"), Counter.ACCEPTED);
                }
            }
            for (JsonNode event : list(handler, "HANDLING", department)) {
                StaffDesk.Handling handling = desk.handling(id(event), reworks(event));
                Long firstSeen = firstSeen(event, "HANDLING", department);
                JsonNode deadline = event.get("deadline");
                if (firstSeen != null && StaffDesk.feedbackDue(handling, firstSeen, cityClock.getAsLong(),
                        event.path("overdue").asBoolean(), deadline == null || deadline.isNull() ? null
                                : deadline.asLong(), System.currentTimeMillis(), DEADLINE_MARGIN_MILLIS)) {
                    if (act(handler, event, "HANDLING", department, api.step("feedback").put("note", handling.note()),
                            Counter.FED_BACK) && handling.late()) {
                        counts.get(Counter.LATE).incrementAndGet();
                    }
                }
            }
        }
        for (JsonNode event : list(supervisor, "FEEDBACK", null)) {
            StaffDesk.Verdict verdict = desk.verify(id(event), reworks(event));
            if (due(event, "FEEDBACK", null, verdict.delayMillis())) {
                act(supervisor, event, "FEEDBACK", null, api.step(verdict.close() ? "close" : "rework")
                        .put("note", verdict.note()), verdict.close() ? Counter.CLOSED : Counter.REWORKED);
            }
        }
        for (JsonNode event : list(supervisor, "CLOSED", null)) {
            StaffDesk.Evaluation evaluation = desk.evaluation(id(event));
            if (due(event, "CLOSED", null, evaluation.delayMillis())) {
                act(supervisor, event, "CLOSED", null, api.step("evaluate").put("score", evaluation.score()),
                        Counter.EVALUATED);
            }
        }
    }

    /**
     * The events in {@code state} the person sees (for a department, those assigned to it); forgets the
     * cases no longer there when the list was read whole.
     */
    private List<JsonNode> list(Person who, String state, String department) throws IOException,
            InterruptedException {
        List<JsonNode> events;
        try {
            events = api.events(who.token, state, PAGES);
        } catch (StaffApi.Unauthorized e) {
            who.signInAgain();
            events = api.events(who.token, state, PAGES);
        }
        List<JsonNode> mine = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode event : events) {
            if (department == null || department.equals(event.path("assignee").asText())) {
                mine.add(event);
                keys.add(key(event));
            }
        }
        if (events.size() < PAGES * StaffApi.PAGE) {
            seen.computeIfAbsent(listName(state, department), k -> new HashMap<>()).keySet().retainAll(keys);
        }
        return mine;
    }

    /** When the step was first seen on the city clock, noting it now if new; null once given up on. */
    private Long firstSeen(JsonNode event, String state, String department) {
        Map<String, Long> list = seen.computeIfAbsent(listName(state, department), k -> new HashMap<>());
        String key = key(event);
        if (!list.containsKey(key)) {
            list.put(key, cityClock.getAsLong());
        }
        return list.get(key);
    }

    private boolean due(JsonNode event, String state, String department, long delay) {
        Long firstSeen = firstSeen(event, state, department);
        return firstSeen != null && StaffDesk.due(firstSeen, delay, cityClock.getAsLong());
    }

    /** Takes the step as {@code who}; true when the service took it. A refused step is logged, counted and not tried again. */
    private boolean act(Person who, JsonNode event, String state, String department, ObjectNode step,
            Counter counter) throws IOException, InterruptedException {
        String id = id(event);
        StaffApi.Answer answer = api.transition(who.token, id, step);
        if (answer.status() == 401) {
            who.signInAgain();
            answer = api.transition(who.token, id, step);
        }
        Map<String, Long> list = seen.get(listName(state, department));
        if (answer.ok()) {
            counts.get(counter).incrementAndGet();
            list.remove(key(event));
            return true;
        }
        list.put(key(event), null);
        long refused = refusedByService.incrementAndGet();
        if (refused <= LOGGED_REFUSALS || refused % 100 == 0) {
            log.println("simulate: staff: " + who.user + " " + step.path("action").asText() + " " + id
                    + " refused by the service (" + refused + " so far): " + answer.reason());
        }
        return false;
    }

    private long count(Counter counter) {
        return counts.get(counter).get();
    }

    private static String listName(String state, String department) {
        return department == null ? state : state + "@" + department;
    }

    private static String key(JsonNode event) {
        return id(event) + "/" + reworks(event);
    }

    private static String id(JsonNode event) {
        return event.path("id").asText();
    }

    private static int reworks(JsonNode event) {
        return event.path("reworkCount").asInt();
    }
}
