package city.gridcommand.sim;

/**
 * When the dying gateway dies and comes back, over a run of {@code budget} messages of the city's life: it dies
 * at 40 % of the run and stays away for a tenth of it, and for at least {@link #MIN_AWAY_MILLIS} of city time
 * (the service must see a real outage, not a blink). If the run ends while it is still {@link #away()}, the
 * simulator brings it back at the end, so that every run shows the return. Pure; one per run.
 */
final class GatewayOutage {

    /** The least city time the gateway stays away. */
    static final long MIN_AWAY_MILLIS = 30_000;

    /** What the gateway does at a step of the run. */
    enum Step {
        NOTHING, DIE, COME_BACK
    }

    private final long dieAt;
    private final long awayFor;
    private boolean died;
    private boolean back;
    private long diedAtIndex;
    private long diedAtMillis;

    /** The outage of a run of {@code budget} messages. */
    GatewayOutage(long budget) {
        if (budget <= 0) {
            throw new IllegalArgumentException("budget must be positive");
        }
        this.dieAt = budget * 4 / 10;
        this.awayFor = Math.max(1, budget / 10);
    }

    /** The step at message {@code index} of the run (from 0, every index in turn), made at city time {@code simMillis}. */
    Step at(long index, long simMillis) {
        if (!died && index >= dieAt) {
            died = true;
            diedAtIndex = index;
            diedAtMillis = simMillis;
            return Step.DIE;
        }
        if (died && !back && comesBack(index, simMillis)) {
            back = true;
            return Step.COME_BACK;
        }
        return Step.NOTHING;
    }

    /** Whether the gateway is away now. */
    boolean away() {
        return died && !back;
    }

    /** The gateway came back at the end of the run. */
    void cameBack() {
        back = true;
    }

    /** The city time it died at (0 before it has). */
    long diedAtMillis() {
        return diedAtMillis;
    }

    private boolean comesBack(long index, long simMillis) {
        return index - diedAtIndex >= awayFor && simMillis - diedAtMillis >= MIN_AWAY_MILLIS;
    }
}
