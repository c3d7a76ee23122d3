package city.gridcommand.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What the simulated centre decides about a case, as plain functions of the seed, the case's id and how
 * often it was sent back: whether the dispatcher registers or refuses it, how long each person takes (in
 * city time), whether the department is late, whether the supervisor closes it or sends it back, and the
 * score. The same seed and case give the same decisions whatever order the cases are seen in.
 *
 * <p>Shares and times: about 90 % registered within 1-15 city minutes (the rest refused with a reason);
 * dispatched 1-10 minutes later; accepted 2-20 minutes after dispatch; handled in 20 minutes to 6 hours
 * (spread evenly on a log scale), about 12 % late (fed back only once the service has marked the case past
 * its deadline); verified 5-40 minutes after feedback, about 8 % sent back for rework (at most twice per
 * case); evaluated 10-60 minutes after closing, scored 5 (45 %), 4 (35 %), 3 (12 %), 2 (5 %) or 1 (3 %).
 */
public final class StaffDesk {

    static final double REGISTER_SHARE = 0.90;
    static final double LATE_SHARE = 0.12;
    static final double REWORK_SHARE = 0.08;
    static final int MOST_REWORKS = 2;
    /** Cumulative shares of the scores 5, 4, 3, 2 and 1. */
    private static final double[] SCORE_SHARES = {0.45, 0.80, 0.92, 0.97, 1.0};

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;

    static final List<String> REFUSALS = List.of(
            "not a case for the centre: a private dispute, passed to the residents' committee",
            "already handled on site before registration",
            "could not be confirmed: nothing found at the place reported",
            "duplicate of a case already being handled nearby",
            "outside the district's remit");
    static final List<String> FEEDBACK = List.of(
            "handled on site; photos of the result taken",
            "cleared and the place checked again an hour later",
            "repaired; the contractor will return for the finishing work",
            "owner found and told to put it right; done while we waited",
            "made safe and cordoned off; permanent repair scheduled");
    static final List<String> REWORK = List.of(
            "the result does not match the report: please go back",
            "photo missing or unclear: show the place after the work",
            "the caller says it is not done: please check again");

    /** A step of the workflow the desk times; each draws from its own stream. */
    enum Step {
        INTAKE, DISPATCH, ACCEPT, HANDLE, VERIFY, EVALUATE
    }

    /** The dispatcher's call on a reported case: register (or refuse, with the reason) after the delay. */
    public record Intake(boolean register, long delayMillis, String reason) {
    }

    /** The department's handling: how long it takes, whether it is late, and the note it feeds back. */
    public record Handling(long millis, boolean late, String note) {
    }

    /** The supervisor's verification: close (or send back, with the reason) after the delay. */
    public record Verdict(boolean close, long delayMillis, String note) {
    }

    /** The supervisor's evaluation of a closed case: a score 1-5 after the delay. */
    public record Evaluation(int score, long delayMillis) {
    }

    private final long seed;

    public StaffDesk(long seed) {
        this.seed = seed;
    }

    public Intake intake(String caseId) {
        SplittableRandom random = random(caseId, Step.INTAKE, 0);
        boolean register = random.nextDouble() < REGISTER_SHARE;
        long delay = between(random, MINUTE, 15 * MINUTE);
        return new Intake(register, delay, register ? null : pick(random, REFUSALS));
    }

    long dispatchDelay(String caseId, int round) {
        return between(random(caseId, Step.DISPATCH, round), MINUTE, 10 * MINUTE);
    }

    long acceptDelay(String caseId, int round) {
        return between(random(caseId, Step.ACCEPT, round), 2 * MINUTE, 20 * MINUTE);
    }

    public Handling handling(String caseId, int round) {
        SplittableRandom random = random(caseId, Step.HANDLE, round);
        boolean late = random.nextDouble() < LATE_SHARE;
        double logMin = Math.log(20 * MINUTE);
        double logMax = Math.log(6 * HOUR);
        long millis = (long) Math.exp(logMin + random.nextDouble() * (logMax - logMin));
        return new Handling(millis, late, pick(random, FEEDBACK));
    }

    /** {@code reworks}: how often the case was sent back already; past {@link #MOST_REWORKS} it is closed. */
    public Verdict verify(String caseId, int reworks) {
        SplittableRandom random = random(caseId, Step.VERIFY, reworks);
        boolean rework = random.nextDouble() < REWORK_SHARE && reworks < MOST_REWORKS;
        long delay = between(random, 5 * MINUTE, 40 * MINUTE);
        return new Verdict(!rework, delay, rework ? pick(random, REWORK) : "verified on site: done");
    }

    public Evaluation evaluation(String caseId) {
        SplittableRandom random = random(caseId, Step.EVALUATE, 0);
        double draw = random.nextDouble();
        int score = 5;
        while (draw >= SCORE_SHARES[5 - score]) {
            score--;
        }
        return new Evaluation(score, between(random, 10 * MINUTE, HOUR));
    }

    /** Whether a step first seen at city time {@code seenAt} and taking {@code delay} is due at {@code now}. */
    static boolean due(long seenAt, long delay, long now) {
        return now - seenAt >= delay;
    }

    /**
     * Whether the department feeds back now: a late case once its handling time has passed and the service
     * has marked it overdue; any other case once its handling time has passed, or earlier when its deadline
     * (service time, epoch ms; null when none runs) is less than {@code margin} away, so that it is on time.
     */
    static boolean feedbackDue(Handling handling, long seenAt, long cityNow, boolean overdue, Long deadline,
            long serviceNow, long margin) {
        boolean handled = due(seenAt, handling.millis(), cityNow);
        if (handling.late()) {
            return handled && overdue;
        }
        return handled || (deadline != null && !overdue && deadline - serviceNow <= margin);
    }

    private SplittableRandom random(String caseId, Step step, int round) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < caseId.length(); i++) {
            h = (h ^ caseId.charAt(i)) * 0x100000001b3L;
        }
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h ^ ((long) step.ordinal() << 56) ^ round * 0xBF58476D1CE4E5B9L);
    }

    private static long between(SplittableRandom random, long min, long max) {
        return min + random.nextLong(max - min + 1);
    }

    private static String pick(SplittableRandom random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
