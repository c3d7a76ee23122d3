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
 * readings, camera detections, workers' positions and reports, devices dropping off and coming back. It
 * knows nothing of brokers or wall-clock pacing; the same seed gives the same messages except for their
 * {@code ts}, which is the clock's time when each is made. Not thread-safe: one thread calls {@link #next()}.
 */
public final class CityLife {

    private record Due(long at, long order, Actor actor) {
    }

    private static final Comparator<Due> ORDER = Comparator.comparingLong(Due::at).thenComparingLong(Due::order);

    private final PriorityQueue<Due> queue = new PriorityQueue<>(ORDER);
    private final LongSupplier clock;
    private long order;
    /** Volatile: a progress printer reads it from another thread; only {@link #next()} writes it. */
    private volatile long simulatedMillis;

    public CityLife(DemoCity city, long seed, LongSupplier clock) {
        this.clock = clock;
        SplittableRandom random = new SplittableRandom(seed);
        for (Device device : city.devices()) {
            schedule(device.type() == DeviceType.SENSOR ? new SensorActor(device, random.split())
                    : new CameraActor(device, random.split()));
        }
        Map<String, List<Cell>> baseCellsUnder = baseCellsUnder(city);
        for (Worker worker : city.workers()) {
            Set<Cell> area = new LinkedHashSet<>();
            worker.cells().forEach(code -> area.addAll(baseCellsUnder.getOrDefault(code, List.of())));
            if (!area.isEmpty()) {
                SplittableRandom own = random.split();
                schedule(new WorkerActor(worker, new Patrol(List.copyOf(area), city.adjacency(), own), own));
            }
        }
    }

    /** A life with the wall clock for {@code ts}. */
    public CityLife(DemoCity city, long seed) {
        this(city, seed, System::currentTimeMillis);
    }

    /** The next message; the city never runs out of them. */
    public CityMessage next() {
        Due due = queue.poll();
        if (due == null) {
            throw new IllegalStateException("the city has no devices and no workers");
        }
        simulatedMillis = due.at();
        CityMessage message = due.actor().act(due.at(), clock.getAsLong());
        schedule(due.actor());
        return message;
    }

    /** Simulated time of the last message, in ms since the start. */
    public long simulatedMillis() {
        return simulatedMillis;
    }

    private void schedule(Actor actor) {
        queue.add(new Due(actor.nextAt(), order++, actor));
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
