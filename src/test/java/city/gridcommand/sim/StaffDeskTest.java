package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The simulated staff's decisions as plain functions: shares, times, and when a department feeds back. */
class StaffDeskTest {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final int CASES = 20_000;

    private final StaffDesk desk = new StaffDesk(42);
    private final List<String> ids = IntStream.range(0, CASES)
            .mapToObj(i -> new UUID(0x5eedL * i, i).toString()).toList();

    @Test
    void theSameSeedAndCaseGiveTheSameDecisionsWhateverTheOrder() {
        StaffDesk again = new StaffDesk(42);
        List<String> backwards = new ArrayList<>(ids.subList(0, 200));
        Collections.reverse(backwards);
        for (String id : backwards) {
            assertThat(again.intake(id)).isEqualTo(desk.intake(id));
            assertThat(again.handling(id, 1)).isEqualTo(desk.handling(id, 1));
            assertThat(again.verify(id, 0)).isEqualTo(desk.verify(id, 0));
            assertThat(again.evaluation(id)).isEqualTo(desk.evaluation(id));
            assertThat(again.dispatchDelay(id, 0)).isEqualTo(desk.dispatchDelay(id, 0));
        }
        StaffDesk other = new StaffDesk(43);
        assertThat(ids.subList(0, 200).stream().filter(id -> !other.intake(id).equals(desk.intake(id))))
                .isNotEmpty();
        // a case sent back is handled anew: another time, not the same one again
        assertThat(ids.subList(0, 200).stream().filter(id -> desk.handling(id, 0).millis()
                != desk.handling(id, 1).millis())).hasSizeGreaterThan(190);
    }

    @Test
    void mostCasesAreRegisteredWithinMinutesAndTheRestRefusedWithAReason() {
        long registered = 0;
        for (String id : ids) {
            StaffDesk.Intake intake = desk.intake(id);
            assertThat(intake.delayMillis()).isBetween(MINUTE, 15 * MINUTE);
            if (intake.register()) {
                registered++;
                assertThat(intake.reason()).isNull();
            } else {
                assertThat(intake.reason()).isIn(StaffDesk.REFUSALS);
            }
            assertThat(desk.dispatchDelay(id, 0)).isBetween(MINUTE, 10 * MINUTE);
            assertThat(desk.acceptDelay(id, 0)).isBetween(2 * MINUTE, 20 * MINUTE);
        }
        assertThat(share(registered)).isBetween(0.88, 0.92);
    }

    @Test
    void handlingTakesMinutesToHoursAndAboutOneCaseInEightIsLate() {
        long late = 0;
        long underAnHour = 0;
        long overThreeHours = 0;
        for (String id : ids) {
            StaffDesk.Handling handling = desk.handling(id, 0);
            assertThat(handling.millis()).isBetween(20 * MINUTE, 6 * HOUR);
            assertThat(handling.note()).isIn(StaffDesk.FEEDBACK);
            late += handling.late() ? 1 : 0;
            underAnHour += handling.millis() < HOUR ? 1 : 0;
            overThreeHours += handling.millis() > 3 * HOUR ? 1 : 0;
        }
        assertThat(share(late)).isBetween(0.10, 0.15);
        // spread over the range on a log scale: both short and long handling are common
        assertThat(share(underAnHour)).isBetween(0.34, 0.42); // ln 3 / ln 18 = 0.38
        assertThat(share(overThreeHours)).isBetween(0.20, 0.28); // ln 2 / ln 18 = 0.24
    }

    @Test
    void theSupervisorSendsAFewBackForReworkAndClosesTheRestButNeverReworksForever() {
        long reworked = 0;
        for (String id : ids) {
            StaffDesk.Verdict verdict = desk.verify(id, 0);
            assertThat(verdict.delayMillis()).isBetween(5 * MINUTE, 40 * MINUTE);
            if (!verdict.close()) {
                reworked++;
                assertThat(verdict.note()).isIn(StaffDesk.REWORK);
            }
            assertThat(desk.verify(id, StaffDesk.MOST_REWORKS).close()).isTrue();
        }
        assertThat(share(reworked)).isBetween(0.05, 0.10);
    }

    @Test
    void evaluationsAreScoredOneToFiveMostlyFourOrFive() {
        long[] scores = new long[6];
        for (String id : ids) {
            StaffDesk.Evaluation evaluation = desk.evaluation(id);
            assertThat(evaluation.score()).isBetween(1, 5);
            assertThat(evaluation.delayMillis()).isBetween(10 * MINUTE, HOUR);
            scores[evaluation.score()]++;
        }
        assertThat(share(scores[4] + scores[5])).isBetween(0.77, 0.83);
        assertThat(scores[1]).isPositive();
        assertThat(scores[5]).isGreaterThan(scores[4]).isGreaterThan(scores[3]);
    }

    @Test
    void aStepIsDueOnceItsTimeHasPassedOnTheCityClock() {
        assertThat(StaffDesk.due(1_000, 5 * MINUTE, 1_000 + 5 * MINUTE - 1)).isFalse();
        assertThat(StaffDesk.due(1_000, 5 * MINUTE, 1_000 + 5 * MINUTE)).isTrue();
    }

    @Test
    void anOnTimeDepartmentFeedsBackWhenHandledOrJustBeforeTheDeadline() {
        StaffDesk.Handling onTime = new StaffDesk.Handling(2 * HOUR, false, "done");
        long seen = 10 * HOUR;
        long deadline = 1_000_000;
        long margin = 2_000;
        // not handled yet, deadline far off (service time)
        assertThat(StaffDesk.feedbackDue(onTime, seen, seen + HOUR, false, deadline, deadline - 60_000, margin))
                .isFalse();
        // handled
        assertThat(StaffDesk.feedbackDue(onTime, seen, seen + 2 * HOUR, false, deadline, deadline - 60_000, margin))
                .isTrue();
        // not handled, but the deadline is within the margin: fed back so it is on time
        assertThat(StaffDesk.feedbackDue(onTime, seen, seen + HOUR, false, deadline, deadline - margin, margin))
                .isTrue();
        // no deadline running
        assertThat(StaffDesk.feedbackDue(onTime, seen, seen + HOUR, false, null, deadline, margin)).isFalse();
    }

    @Test
    void aLateDepartmentFeedsBackOnlyOnceTheServiceHasMarkedTheCasePastItsDeadline() {
        StaffDesk.Handling late = new StaffDesk.Handling(HOUR, true, "done");
        long seen = 0;
        long deadline = 1_000_000;
        // handled in city time and the deadline is near, but not yet past it
        assertThat(StaffDesk.feedbackDue(late, seen, 3 * HOUR, false, deadline, deadline - 1_000, 2_000)).isFalse();
        // past the deadline but its handling time has not passed
        assertThat(StaffDesk.feedbackDue(late, seen, HOUR - 1, true, deadline, deadline + 5_000, 2_000)).isFalse();
        assertThat(StaffDesk.feedbackDue(late, seen, HOUR, true, deadline, deadline + 5_000, 2_000)).isTrue();
    }

    private static double share(long count) {
        return (double) count / CASES;
    }
}
