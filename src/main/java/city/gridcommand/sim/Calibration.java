package city.gridcommand.sim;

/**
 * The rates of a real city's day ({@link Intensity#NORMAL}) the simulator is calibrated to, per base cell
 * and day so that they hold at every city size. Figures with a source name it; the rest are assumptions,
 * marked as such.
 *
 * <p>The target, all sources together: <b>0.2–0.5 cases per base cell per day</b>. Source (issue 15): Haidian
 * (Beijing) handles about 3,000 cases a day over 8,562 grid cells, 3,000 / 8,562 ≈ 0.35 per cell per day;
 * Tianmen (Hubei) registers about a thousand a month. The simulator aims at about 0.33: {@link IncidentKind}
 * (cameras and sensors, ≈ 0.17), {@link #REPORTS_PER_BASE_CELL_PER_DAY} (workers, 0.15) and
 * {@link #CONFIDENT_FALSE_ALARMS_PER_CAMERA_PER_DAY} (≈ 0.6 cameras per base cell × 1/30 ≈ 0.02).
 * Device outages are not cases and come on top.
 */
final class Calibration {

    /**
     * Grid workers' reports (信息采集) per base cell per day, all workers together. Assumption: no published
     * split between what workers find and what cameras see was found; workers' patrols are taken to find
     * about half of the cases (0.15 of the 0.33), cameras and sensors the other half.
     */
    static final double REPORTS_PER_BASE_CELL_PER_DAY = 0.15;

    /**
     * Isolated detections a camera makes of nothing, on average once every {@value} minutes: the background a
     * real vision model produces (a shadow, a parked cart). Assumption: chosen to keep a steady trickle of
     * detections the rules ignore; these are not cases.
     */
    static final long BACKGROUND_DETECTION_MEAN_MINUTES = 30;

    /**
     * Confident false alarms per camera per day: isolated detections at ≥ 0.7 that no incident stands
     * behind (one a month per camera). Assumption: no published false-alarm rate was found. With one
     * camera detection in a (cell, kind) they raise an event under rules without confirmation, and none
     * under rules that ask for k detections within a window.
     */
    static final double CONFIDENT_FALSE_ALARMS_PER_CAMERA_PER_DAY = 1.0 / 30;

    /**
     * A fire camera's confident false alarms of fire or smoke are this many times rarer (one in 600 days):
     * fire models are tuned against false alarms, and with ≈ 0.08 fire cameras per base cell they would
     * otherwise raise 2,000 × 0.08 / 30 ≈ 5 fire events a day, against a handful of real fires a month.
     * Assumption: no published figure was found; this leaves ≈ 0.25 a day in a district of 2,000 cells.
     */
    static final double FIRE_FALSE_ALARM_DISCOUNT = 20;

    /**
     * Outages per device per day: 2.5 % of devices go offline on a given day (issue 15: "a few percent of
     * devices failing a day, e.g. 2–3 %"), each device as a Poisson process of this rate.
     */
    static final double OUTAGES_PER_DEVICE_PER_DAY = 0.025;

    /** Share of outages that are short (a reboot, a flaky link: 2–30 minutes); assumption. */
    static final double SHORT_OUTAGE_SHARE = 0.85;
    static final long SHORT_OUTAGE_MIN_MILLIS = 2 * 60_000;
    static final long SHORT_OUTAGE_MAX_MILLIS = 30 * 60_000;
    /** The rest wait for a technician: 1–6 hours (assumption); every device comes back. */
    static final long LONG_OUTAGE_MIN_MILLIS = 3_600_000;
    static final long LONG_OUTAGE_MAX_MILLIS = 6 * 3_600_000;

    /** While an incident lasts, each camera that sees it detects it again every 1–4 minutes (assumption). */
    static final long SIGHTING_MIN_GAP_MILLIS = 60_000;
    static final long SIGHTING_MAX_GAP_MILLIS = 4 * 60_000;
    /** Confidence of a camera's detection of a real incident: above the rules' usual 0.7. */
    static final double CONFIDENT_LOW = 0.7;
    static final double CONFIDENT_HIGH = 0.99;
    /** Confidence of an unsure detection: below the rules' usual 0.7, which ignore it. */
    static final double UNSURE_LOW = 0.25;
    static final double UNSURE_HIGH = 0.6;

    static final long DAY_MILLIS = 86_400_000L;

    private Calibration() {
    }

    /** Longer than any run: the gap of a process that never happens. */
    static final long NEVER = Long.MAX_VALUE / 4;

    /** A gap of a Poisson process with {@code perDay} events a day: exponential, at least 1 ms. */
    static long poissonGap(double perDay, java.util.SplittableRandom random) {
        double gap = -(DAY_MILLIS / perDay) * Math.log(1 - random.nextDouble());
        return perDay > 0 && gap < NEVER ? 1 + (long) gap : NEVER;
    }
}
