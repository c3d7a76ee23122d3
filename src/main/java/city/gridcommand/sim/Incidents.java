package city.gridcommand.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What happens in the city: a Poisson stream of incidents of each {@link IncidentKind} at its calibrated
 * rate times the intensity, each placed in a cell where a device can see it (so every incident is
 * observed, and the rate per base cell holds whatever the devices). An incident drives the readings of the
 * cell's sensors that see it for as long as it lasts, and its cameras detect it again and again meanwhile
 * ({@link Sightings}). Publishes nothing itself.
 */
final class Incidents implements Actor {

    /** The devices mounted in one cell. */
    static final class Place {
        final String cell;
        final List<CameraActor> cameras = new ArrayList<>();
        final List<SensorActor> sensors = new ArrayList<>();

        Place(String cell) {
            this.cell = cell;
        }

        boolean sees(IncidentKind kind) {
            return cameras.stream().anyMatch(c -> kind.seenByCamera(c.device.capabilities()))
                    || sensors.stream().anyMatch(s -> kind.seenBySensor(s.device.capabilities()));
        }
    }

    private final List<IncidentKind> kinds = new ArrayList<>();
    private final List<List<Place>> placesOf = new ArrayList<>();
    private final double[] perDay;
    private final double total;
    private final SplittableRandom random;
    private final Consumer<Actor> schedule;
    private long nextAt;

    /**
     * @param places   the devices of each cell, in a fixed order
     * @param baseCells the city's base cells: rates are per base cell
     * @param schedule takes each incident's sightings, to act on them in time order
     */
    Incidents(Map<String, Place> places, int baseCells, Intensity intensity, SplittableRandom random,
            Consumer<Actor> schedule) {
        this.random = random;
        this.schedule = schedule;
        for (IncidentKind kind : IncidentKind.values()) {
            List<Place> where = places.values().stream().filter(p -> p.sees(kind)).toList();
            if (!where.isEmpty()) {
                kinds.add(kind);
                placesOf.add(where);
            }
        }
        perDay = new double[kinds.size()];
        double sum = 0;
        for (int i = 0; i < perDay.length; i++) {
            perDay[i] = kinds.get(i).perBaseCellPerDay * baseCells * intensity.factor();
            sum += perDay[i];
        }
        total = sum;
        nextAt = kinds.isEmpty() ? DONE : Calibration.poissonGap(total, random);
    }

    /** The cells that have devices, each with its sensors and cameras, in the order of {@code devices}. */
    static Map<String, Place> places(List<? extends DeviceActor> devices, DemoCity city) {
        Map<String, Place> places = new LinkedHashMap<>();
        for (DeviceActor device : devices) {
            Place place = places.computeIfAbsent(city.cellOf(device.device.id()), Place::new);
            if (device instanceof CameraActor camera) {
                place.cameras.add(camera);
            } else if (device instanceof SensorActor sensor) {
                place.sensors.add(sensor);
            }
        }
        return places;
    }

    @Override
    public long nextAt() {
        return nextAt;
    }

    @Override
    public CityMessage act(long simMillis, long ts) {
        nextAt = simMillis + Calibration.poissonGap(total, random);
        int k = drawKind();
        IncidentKind kind = kinds.get(k);
        List<Place> where = placesOf.get(k);
        Place place = where.get(random.nextInt(where.size()));
        long end = simMillis + random.nextLong(kind.minMillis, kind.maxMillis + 1);
        for (SensorActor sensor : place.sensors) {
            if (kind.seenBySensor(sensor.device.capabilities())) {
                sensor.excursion(kind.sensorMetrics, end);
            }
        }
        List<CameraActor> cameras = place.cameras.stream()
                .filter(c -> kind.seenByCamera(c.device.capabilities())).toList();
        if (!cameras.isEmpty()) {
            schedule.accept(new Sightings(kind, cameras, simMillis, end, random.split()));
        }
        return null;
    }

    private int drawKind() {
        double ticket = random.nextDouble() * total;
        for (int i = 0; i < perDay.length - 1; i++) {
            ticket -= perDay[i];
            if (ticket < 0) {
                return i;
            }
        }
        return perDay.length - 1;
    }

    /**
     * One incident as its cameras see it: each detects it with high confidence at its start (within a minute)
     * and then every {@link Calibration#SIGHTING_MIN_GAP_MILLIS}–{@link Calibration#SIGHTING_MAX_GAP_MILLIS}
     * until it ends; an offline camera misses its turn.
     */
    static final class Sightings implements Actor {

        private final IncidentKind kind;
        private final List<CameraActor> cameras;
        private final long[] next;
        private final long end;
        private final SplittableRandom random;

        Sightings(IncidentKind kind, List<CameraActor> cameras, long start, long end, SplittableRandom random) {
            this.kind = kind;
            this.cameras = cameras;
            this.end = end;
            this.random = random;
            this.next = new long[cameras.size()];
            for (int i = 0; i < next.length; i++) {
                next[i] = start + random.nextLong(Calibration.SIGHTING_MIN_GAP_MILLIS);
            }
        }

        @Override
        public long nextAt() {
            long at = next[soonest()];
            return at < end ? at : DONE;
        }

        @Override
        public CityMessage act(long simMillis, long ts) {
            int i = soonest();
            next[i] = simMillis + random.nextLong(Calibration.SIGHTING_MIN_GAP_MILLIS,
                    Calibration.SIGHTING_MAX_GAP_MILLIS + 1);
            CameraActor camera = cameras.get(i);
            List<String> seen = kind.cameraKinds.stream().filter(camera.device.capabilities()::contains).toList();
            return camera.sighting(seen.get(random.nextInt(seen.size())), ts);
        }

        private int soonest() {
            int best = 0;
            for (int i = 1; i < next.length; i++) {
                if (next[i] < next[best]) {
                    best = i;
                }
            }
            return best;
        }
    }
}
