package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import city.gridcommand.registry.Device;
import city.gridcommand.registry.DeviceType;
import city.gridcommand.registry.Worker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The demo city's life as a stream of MQTT messages, in the order they happen in simulated time: sensor
 * readings, camera detections, workers' positions and reports, devices dropping off and coming back, with
 * incidents at a real city's rates ({@link Calibration}) times an {@link Intensity}. It
 * knows nothing of brokers or wall-clock pacing; the same seed gives the same messages except for their
 * {@code ts}, which is the clock's time when each is made. Not thread-safe: one thread calls {@link #next()}.
 */
public final class CityLife {

    private record Due(long at, long order, Actor actor) {
    }

    private static final Comparator<Due> ORDER = Comparator.comparingLong(Due::at).thenComparingLong(Due::order);

    private final PriorityQueue<Due> queue = new PriorityQueue<>(ORDER);
    private final DemoCity city;
    private final LongSupplier clock;
    private long order;
    /** Volatile: a progress printer reads it from another thread; only {@link #next()} writes it. */
    private volatile long simulatedMillis;

    /**
     * A life of the given {@code intensity} (which scales what goes wrong, never the heartbeat of readings
     * and position fixes), stamping each message with the {@code clock}'s time.
     */
    public CityLife(DemoCity city, long seed, Intensity intensity, LongSupplier clock) {
        this.city = city;
        this.clock = clock;
        SplittableRandom random = new SplittableRandom(seed);
        List<DeviceActor> devices = new ArrayList<>();
        for (Device device : city.devices()) {
            DeviceActor actor = device.type() == DeviceType.SENSOR ? new SensorActor(device, random.split(), intensity)
                    : new CameraActor(device, random.split(), intensity);
            devices.add(actor);
            schedule(actor);
        }
        Map<String, List<Cell>> baseCellsUnder = baseCellsUnder(city);
        List<Worker> patrolling = new ArrayList<>();
        List<List<Cell>> areas = new ArrayList<>();
        for (Worker worker : city.workers()) {
            Set<Cell> area = new LinkedHashSet<>();
            worker.cells().forEach(code -> area.addAll(baseCellsUnder.getOrDefault(code, List.of())));
            if (!area.isEmpty()) {
                patrolling.add(worker);
                areas.add(List.copyOf(area));
            }
        }
        int baseCells = (int) city.cells().stream().filter(Cell::isBaseCell).count();
        // Reports per base cell per day, shared among everyone on patrol.
        double reportsPerWorkerPerDay = patrolling.isEmpty() ? 0
                : Calibration.REPORTS_PER_BASE_CELL_PER_DAY * baseCells * intensity.factor() / patrolling.size();
        for (int i = 0; i < patrolling.size(); i++) {
            SplittableRandom own = random.split();
            schedule(new WorkerActor(patrolling.get(i), new Patrol(areas.get(i), city.adjacency(), own), own,
                    reportsPerWorkerPerDay));
        }
        schedule(new Incidents(Incidents.places(devices, city), baseCells, intensity, random.split(), this::schedule));
    }

    /** A life of a real city's day ({@link Intensity#NORMAL}). */
    public CityLife(DemoCity city, long seed, LongSupplier clock) {
        this(city, seed, Intensity.NORMAL, clock);
    }

    /** A life with the wall clock for {@code ts}. */
    public CityLife(DemoCity city, long seed) {
        this(city, seed, System::currentTimeMillis);
    }

    /** A life of the given intensity with the wall clock for {@code ts}. */
    public CityLife(DemoCity city, long seed, Intensity intensity) {
        this(city, seed, intensity, System::currentTimeMillis);
    }

    /** The next message; the city never runs out of them. */
    public CityMessage next() {
        while (true) {
            Due due = queue.poll();
            if (due == null) {
                throw new IllegalStateException("the city has no devices and no workers");
            }
            simulatedMillis = due.at();
            CityMessage message = due.actor().act(due.at(), clock.getAsLong());
            schedule(due.actor());
            if (message != null) {
                return message;
            }
        }
    }

    /** The city whose life this is. */
    public DemoCity city() {
        return city;
    }

    /** Simulated time of the last message, in ms since the start. */
    public long simulatedMillis() {
        return simulatedMillis;
    }

    /** Queues the actor's next act; a finished actor is dropped. */
    private void schedule(Actor actor) {
        if (actor.nextAt() != Actor.DONE) {
            queue.add(new Due(actor.nextAt(), order++, actor));
        }
    }

    /** The base cells of each base cell, community and street: what a worker assigned there walks through. */
    private static Map<String, List<Cell>> baseCellsUnder(DemoCity city) {
        Map<String, List<Cell>> under = new HashMap<>();
        for (Cell cell : city.cells()) {
            if (cell.isBaseCell()) {
                for (int length = 9; length <= cell.code().length(); length += 3) {
                    under.computeIfAbsent(cell.code().substring(0, length), k -> new ArrayList<>()).add(cell);
                }
            }
        }
        return under;
    }
}
