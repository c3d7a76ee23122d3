package city.gridcommand.oncall.runtime;

import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.Department;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.locate.WorkerSettings;
import city.gridcommand.oncall.OnCallAnswer;
import city.gridcommand.oncall.OnCallLookup;
import city.gridcommand.oncall.OnCallResolver;
import city.gridcommand.oncall.Schedule;
import city.gridcommand.oncall.ScheduleClock;
import city.gridcommand.oncall.ScheduleReader;
import city.gridcommand.oncall.ScheduleValidator;
import city.gridcommand.oncall.ScheduleWriter;
import city.gridcommand.store.Await;
import city.gridcommand.store.OnCallRepository;
import city.gridcommand.store.OnCallRepository.StoredSchedules;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The on-call schedules in force: the stored document, read at start, replaced whole (validated against the
 * grid in force and the catalogue's departments, then stored and swapped in), and followed from the database
 * every {@code grid.oncall.refresh} for replacements stored by another instance. Answers "who is on call"
 * from memory.
 */
@ApplicationScoped
public class OnCallSchedules implements OnCallLookup {

    /** The department of the centres' duty rosters (street and district command centres). */
    public static final String CENTRE = "centre";

    private static final Logger LOG = Logger.getLogger(OnCallSchedules.class);

    /** The schedules in force, their version (0: none stored) and when they were stored (0: never). */
    public record InForce(long version, long updatedAt, List<Schedule> schedules, OnCallResolver resolver) {
        public Optional<Schedule> schedule(String id) {
            return schedules.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    private final OnCallRepository repository;
    private final LiveGrid liveGrid;
    private final Set<String> departments;
    private final ScheduleClock clock;
    private final OnCallSettings settings;
    private volatile InForce inForce;
    /** A stored version this instance could not read: reported once, not every refresh. */
    private volatile long unreadable = -1;

    OnCallSchedules(OnCallRepository repository, LiveGrid liveGrid, CategoryCatalogue catalogue,
            WorkerSettings workers, OnCallSettings settings) {
        this.repository = repository;
        this.liveGrid = liveGrid;
        this.departments = catalogue.departments().stream().map(Department::code).collect(Collectors.toUnmodifiableSet());
        this.clock = new ScheduleClock(workers.zone());
        this.settings = settings;
        this.inForce = inForce(0, 0, List.of());
    }

    /** Blocking: puts the stored schedules in force (at start). */
    public void loadAtStart() {
        StoredSchedules stored = Await.result(repository.schedules());
        if (stored != null) {
            take(stored);
        }
        LOG.infof("on-call schedules in force: %d (version %d)", inForce.schedules().size(), inForce.version());
    }

    @Scheduled(every = "${grid.oncall.refresh:5s}", delayed = "${grid.oncall.refresh:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followReplacements() {
        long version = Await.result(repository.version());
        if (version != inForce.version() && version != unreadable) {
            StoredSchedules stored = Await.result(repository.schedules());
            if (stored != null && stored.version() != inForce.version()) {
                take(stored);
            }
        }
    }

    private synchronized void take(StoredSchedules stored) {
        if (stored.version() <= inForce.version()) {
            // read before a replacement made here was put in force: versions only grow, the newer one stays
            return;
        }
        ScheduleReader.Read read = ScheduleReader.read(stored.json().getBytes(StandardCharsets.UTF_8), clock.zone());
        if (!read.ok()) {
            // stored only after it validated: a version of the service that reads it otherwise keeps what it has
            unreadable = stored.version();
            LOG.errorf("the stored on-call schedules (version %d) do not read here (%s); keeping version %d",
                    stored.version(), read.errors(), inForce.version());
            return;
        }
        inForce = inForce(stored.version(), stored.updatedAt(), read.schedules());
    }

    private InForce inForce(long version, long updatedAt, List<Schedule> schedules) {
        return new InForce(version, updatedAt, schedules, new OnCallResolver(schedules, clock));
    }

    public InForce inForce() {
        return inForce;
    }

    public ScheduleClock clock() {
        return clock;
    }

    public OnCallSettings settings() {
        return settings;
    }

    /** Reads a schedule document (every format error named by its path). */
    public ScheduleReader.Read read(byte[] json) {
        return ScheduleReader.read(json, clock.zone());
    }

    /** Checks a whole set against the grid in force and the departments; gaps of 24/7 schedules from {@code now}. */
    public ScheduleValidator.Report check(List<Schedule> schedules, long now) {
        ScheduleValidator validator = new ScheduleValidator(code -> liveGrid.snapshot().grid().cell(code) != null,
                code -> CENTRE.equals(code) || departments.contains(code), clock, settings.gapHorizon());
        return validator.validate(schedules, now);
    }

    /**
     * Stores the set (checked already) if the stored version is still {@code expectedVersion} and puts it in
     * force; the new version, or -1 when another replacement came first (nothing changed). Blocking.
     */
    public long replace(List<Schedule> schedules, long expectedVersion, String by) {
        long version = Await.result(repository.replaceSchedules(ScheduleWriter.toJson(schedules), by, expectedVersion));
        if (version > 0) {
            synchronized (this) {
                if (version > inForce.version()) {
                    inForce = inForce(version, System.currentTimeMillis(), schedules);
                }
            }
        }
        return version;
    }

    @Override
    public Optional<OnCallAnswer> onCall(List<String> cellPath, String department, long at) {
        return inForce.resolver().onCall(cellPath, department, at);
    }
}
