package city.gridcommand.sim;

import city.gridcommand.registry.Worker;
import java.util.SplittableRandom;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;

/**
 * A worker's terminal: a position fix every five seconds or so while its owner walks the patrol, with the
 * fix's accuracy (3–30 m, mostly good) and the battery level; now and then a report of something found, at
 * random times (a Poisson process) at the rate {@link CityLife} shares out
 * ({@link Calibration#REPORTS_PER_BASE_CELL_PER_DAY}).
 */
final class WorkerActor implements Actor {

    static final long FIX_INTERVAL_MILLIS = 5_000;
    static final double MIN_ACCURACY = 3;
    static final double MAX_ACCURACY = 30;
    /** A phone running the terminal app all day lasts about ten hours. */
    private static final double BATTERY_PER_MILLI = 1.0 / (10 * 3_600_000);
    /** Below this the worker swaps to a charged power bank. */
    private static final double BATTERY_SWAP = 0.1;

    private final Worker worker;
    private final Patrol patrol;
    private final SplittableRandom random;
    private final double reportsPerDay;
    private long seq;
    private double battery;
    private long lastAct;
    private long nextFix;
    private long nextReport;

    WorkerActor(Worker worker, Patrol patrol, SplittableRandom random, double reportsPerDay) {
        this.worker = worker;
        this.reportsPerDay = reportsPerDay;
        this.patrol = patrol;
        this.random = random;
        this.battery = random.nextDouble(0.5, 1.0);
        this.nextFix = random.nextLong(FIX_INTERVAL_MILLIS);
        this.nextReport = reportGap();
    }

    @Override
    public long nextAt() {
        return Math.min(nextFix, nextReport);
    }

    @Override
    public CityMessage act(long simMillis, long ts) {
        patrol.advance(simMillis - lastAct);
        battery -= (simMillis - lastAct) * BATTERY_PER_MILLI;
        if (battery < BATTERY_SWAP) {
            battery = 1.0;
        }
        lastAct = simMillis;
        if (nextReport <= nextFix) {
            nextReport = simMillis + reportGap();
            UUID reportId = ReportCatalogue.reportId(random);
            return Payloads.report(worker.id(), ts, ++seq, reportId,
                    ReportCatalogue.draft(worker.id(), reportId, random), patrol.position());
        }
        nextFix = simMillis + FIX_INTERVAL_MILLIS + random.nextLong(-1_000, 1_001);
        double accuracy = MIN_ACCURACY + (MAX_ACCURACY - MIN_ACCURACY) * Math.pow(random.nextDouble(), 3);
        return Payloads.location(worker.id(), ts, ++seq, fix(patrol.position(), accuracy),
                Payloads.round(accuracy, 1), Payloads.round(battery, 2));
    }

    /** What the receiver reports: the true position off by a GPS error of about the stated accuracy. */
    private Coordinate fix(Coordinate truth, double accuracy) {
        double east = clamp(random.nextGaussian() * accuracy / 2, accuracy);
        double north = clamp(random.nextGaussian() * accuracy / 2, accuracy);
        return new Coordinate(truth.x + east / Polygons.metresPerDegreeLon(truth.y),
                truth.y + north / Polygons.METRES_PER_DEGREE_LAT);
    }

    private long reportGap() {
        return Calibration.poissonGap(reportsPerDay, random);
    }

    private static double clamp(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }
}
