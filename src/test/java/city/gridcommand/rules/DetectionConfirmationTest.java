package city.gridcommand.rules;

import static city.gridcommand.rules.RuleFixtures.CELL_A;
import static city.gridcommand.rules.RuleFixtures.CELL_B;
import static city.gridcommand.rules.RuleFixtures.MINUTE;
import static city.gridcommand.rules.RuleFixtures.T0;
import static city.gridcommand.rules.RuleFixtures.confirmedRule;
import static city.gridcommand.rules.RuleFixtures.detection;
import static city.gridcommand.rules.RuleFixtures.reading;
import static city.gridcommand.rules.RuleFixtures.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.WorkerReport;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Detection rules that confirm before they raise, and cool down after. */
class DetectionConfirmationTest {

    private static final DetectionRule PARKING = confirmedRule("camera-illegal-parking", "illegal_parking", 3,
            Duration.ofMinutes(10), false, null, "illegal_parking");
    private static final DetectionRule FIRE = confirmedRule("camera-fire", "fire", 2, Duration.ofMinutes(2), true,
            null, "fire", "smoke");

    private static RuleEngine engine(Rule... rules) {
        return new RuleEngine(new RuleSet(List.of(rules)), now -> true, () -> T0);
    }

    /** {@code camera} sees {@code kind} in cell A, {@code minute} minutes after T0. */
    private static List<EventTrigger> see(RuleEngine engine, String camera, String kind, long minute) {
        return see(engine, camera, kind, minute, CELL_A);
    }

    private static List<EventTrigger> see(RuleEngine engine, String camera, String kind, long minute,
            CellLocation cell) {
        long now = T0 + minute * MINUTE;
        return engine.onSignal(detection(camera, now, kind, 0.9), cell, now);
    }

    @Test
    void theKthDetectionOfACameraWithinTheWindowRaisesAndTheOnesBeforeDoNot() {
        RuleEngine engine = engine(PARKING);

        assertThat(see(engine, "cam-1", "illegal_parking", 0)).isEmpty();
        assertThat(see(engine, "cam-1", "illegal_parking", 4)).isEmpty();
        List<EventTrigger> third = see(engine, "cam-1", "illegal_parking", 8);

        assertThat(third).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("camera-illegal-parking");
            assertThat(t.category()).isEqualTo("illegal_parking");
            assertThat(t.cell()).isEqualTo(CELL_A.baseCell());
            assertThat(t.source().id()).isEqualTo("cam-1");
            assertThat(t.ts()).isEqualTo(T0 + 8 * MINUTE);
        });
        // a raise empties the window: the next raise needs k fresh detections
        assertThat(see(engine, "cam-1", "illegal_parking", 9)).isEmpty();
        assertThat(see(engine, "cam-1", "illegal_parking", 10)).isEmpty();
        assertThat(see(engine, "cam-1", "illegal_parking", 11)).hasSize(1);
    }

    @Test
    void detectionsOlderThanTheWindowNoLongerCount() {
        RuleEngine engine = engine(PARKING);

        see(engine, "cam-1", "illegal_parking", 0);
        see(engine, "cam-1", "illegal_parking", 5);
        // the first has fallen out of the ten minutes: two inside, not three
        assertThat(see(engine, "cam-1", "illegal_parking", 11)).isEmpty();
        assertThat(see(engine, "cam-1", "illegal_parking", 12)).hasSize(1);
    }

    @Test
    void confirmationIsPerCameraNotPerCell() {
        RuleEngine engine = engine(PARKING);

        assertThat(see(engine, "cam-1", "illegal_parking", 0)).isEmpty();
        assertThat(see(engine, "cam-2", "illegal_parking", 1)).isEmpty();
        assertThat(see(engine, "cam-3", "illegal_parking", 2)).isEmpty();
        assertThat(see(engine, "cam-2", "illegal_parking", 3)).isEmpty();
        // the same camera seeing it in two cells (it pans) still counts as one camera's detections
        assertThat(see(engine, "cam-1", "illegal_parking", 4, CELL_B)).isEmpty();
        assertThat(see(engine, "cam-1", "illegal_parking", 5)).hasSize(1);
    }

    @Test
    void unsureDetectionsOtherKindsAndDetectionsOutsideTheGridDoNotCount() {
        RuleEngine engine = engine(PARKING);

        engine.onSignal(detection("cam-1", T0, "illegal_parking", 0.5), CELL_A, T0);
        engine.onSignal(detection("cam-1", T0, "crowd", 0.99), CELL_A, T0);
        engine.onSignal(detection("cam-1", T0, "illegal_parking", 0.99), CellLocation.OUTSIDE,
                T0);
        assertThat(engine.stateCount()).as("only the sender's kind, no window").isEqualTo(1);
        assertThat(see(engine, "cam-1", "illegal_parking", 1)).isEmpty();
        assertThat(see(engine, "cam-1", "illegal_parking", 2)).isEmpty();
        assertThat(see(engine, "cam-1", "illegal_parking", 3)).hasSize(1);
    }

    @Test
    void oneDetectionIsEveryDetectionAsBefore() {
        DetectionRule once = confirmedRule("r", "illegal_parking", 1, Duration.ofMinutes(10), false, null,
                "illegal_parking");
        RuleEngine engine = engine(once);

        assertThat(see(engine, "cam-1", "illegal_parking", 0)).hasSize(1);
        assertThat(see(engine, "cam-1", "illegal_parking", 0)).hasSize(1);
        assertThat(engine.stateCount()).as("only the sender's kind, no window").isEqualTo(1);
    }

    @Test
    void aSecondCameraInTheCellConfirmsAtOnce() {
        RuleEngine engine = engine(FIRE);

        assertThat(see(engine, "cam-1", "fire", 0)).isEmpty();
        assertThat(see(engine, "cam-2", "fire", 1)).extracting(t -> t.source().id()).containsExactly("cam-2");
        // another cell's camera confirms nothing here
        assertThat(see(engine, "cam-3", "fire", 1, CELL_B)).isEmpty();
    }

    @Test
    void aSecondSourceOutsideTheWindowConfirmsNothing() {
        RuleEngine engine = engine(FIRE);

        see(engine, "cam-1", "fire", 0);
        assertThat(see(engine, "cam-2", "fire", 3)).isEmpty();
        // but cam-2's own detection, a minute later, is its second
        assertThat(see(engine, "cam-2", "fire", 4)).hasSize(1);
    }

    @Test
    void aSensorPastItsThresholdConfirmsACameraOfTheSameCategoryInItsCell() {
        ThresholdRule smoke = threshold("smoke-high", "smoke", Comparison.GT, 0.3, 0.15, Duration.ZERO);
        RuleEngine engine = engine(smoke, FIRE);

        assertThat(engine.onSignal(reading("smk-1", T0, "smoke", 0.6), CELL_A, T0))
                .extracting(EventTrigger::ruleId).containsExactly("smoke-high");
        // the sensor's episode stays raised: its later readings still signal the cell, though they raise nothing
        assertThat(engine.onSignal(reading("smk-1", T0 + 5 * MINUTE, "smoke", 0.6), CELL_A, T0 + 5 * MINUTE))
                .isEmpty();
        assertThat(see(engine, "cam-1", "fire", 6)).extracting(EventTrigger::ruleId)
                .containsExactly("camera-fire");
    }

    @Test
    void aSensorThatClearedOrIsInAnotherCellConfirmsNothing() {
        ThresholdRule smoke = threshold("smoke-high", "smoke", Comparison.GT, 0.3, 0.15, Duration.ZERO);
        RuleEngine engine = engine(smoke, FIRE);

        engine.onSignal(reading("smk-1", T0, "smoke", 0.6), CELL_B, T0);
        engine.onSignal(reading("smk-2", T0, "smoke", 0.6), CELL_A, T0);
        engine.onSignal(reading("smk-2", T0 + 3 * MINUTE, "smoke", 0.05), CELL_A, T0 + 3 * MINUTE);

        assertThat(see(engine, "cam-1", "fire", 4)).isEmpty();
    }

    @Test
    void aWorkersReportOfTheCategoryInTheCellConfirms() {
        RuleEngine engine = engine(FIRE);
        long at = T0 + MINUTE;
        engine.onSignal(new WorkerReport("w-1", UUID.randomUUID(), at, "fire", "smoke from a window",
                new Position(22.54, 113.93), List.of(), Severity.RED, at), CELL_A, at);
        engine.onSignal(new WorkerReport("w-2", UUID.randomUUID(), at, "road_damage", "pothole",
                new Position(22.54, 113.93), List.of(), Severity.GREEN, at), CELL_B, at);

        assertThat(see(engine, "cam-1", "fire", 2)).hasSize(1);
        assertThat(see(engine, "cam-2", "fire", 2, CELL_B)).isEmpty();
    }

    @Test
    void withoutOrSecondSourceAnotherCameraDoesNotConfirm() {
        RuleEngine engine = engine(PARKING);

        see(engine, "cam-1", "illegal_parking", 0);
        see(engine, "cam-1", "illegal_parking", 1);
        assertThat(see(engine, "cam-2", "illegal_parking", 2)).isEmpty();
    }

    @Test
    void afterARaiseTheCameraStaysQuietForItsCooldownThenRaisesAgain() {
        DetectionRule vending = confirmedRule("camera-street-vending", "street_vending", 2, Duration.ofMinutes(10),
                false, Duration.ofMinutes(30), "street_vending");
        RuleEngine engine = engine(vending);

        see(engine, "cam-1", "street_vending", 0);
        assertThat(see(engine, "cam-1", "street_vending", 1)).hasSize(1);
        for (int m = 2; m < 31; m += 3) {
            assertThat(see(engine, "cam-1", "street_vending", m)).as("minute %d", m).isEmpty();
        }
        // another camera is not cooling down
        see(engine, "cam-2", "street_vending", 20);
        assertThat(see(engine, "cam-2", "street_vending", 21)).hasSize(1);
        // the cooldown has passed; detections seen during it, inside the window, count towards the next raise
        assertThat(see(engine, "cam-1", "street_vending", 31)).hasSize(1);
    }

    @Test
    void aCooldownAloneRaisesTheFirstDetectionThenMutesTheCamera() {
        DetectionRule crowd = new DetectionRule("camera-crowd", "Crowd", null, "crowd", Severity.YELLOW,
                "dept-security", true, Set.of("crowd"), 0.7, null, Duration.ofMinutes(30), null);
        RuleEngine engine = engine(crowd);

        assertThat(see(engine, "cam-1", "crowd", 0)).hasSize(1);
        assertThat(see(engine, "cam-1", "crowd", 29)).isEmpty();
        assertThat(see(engine, "cam-1", "crowd", 30)).hasSize(1);
    }

    @Test
    void aSecondSourceStillWaitsForTheCooldown() {
        DetectionRule fire = confirmedRule("camera-fire", "fire", 2, Duration.ofMinutes(2), true,
                Duration.ofMinutes(10), "fire");
        RuleEngine engine = engine(fire);

        see(engine, "cam-1", "fire", 0);
        assertThat(see(engine, "cam-1", "fire", 1)).hasSize(1);
        see(engine, "cam-2", "fire", 2);
        assertThat(see(engine, "cam-1", "fire", 3)).as("cooling down").isEmpty();
    }

    @Test
    void theStateIsBoundedAndEmptiesWithTime() {
        DetectionRule vending = confirmedRule("camera-street-vending", "street_vending", 3, Duration.ofMinutes(10),
                true, Duration.ofMinutes(30), "street_vending");
        RuleEngine engine = engine(vending);

        int raised = 0;
        for (int i = 0; i < 1000; i++) {
            raised += engine.onSignal(detection("cam-1", T0 + i, "street_vending", 0.9), CELL_A, T0 + i).size();
        }
        assertThat(raised).as("the third raised, the rest fell in the cooldown").isEqualTo(1);
        // the camera's kind, its window (at most three times in it) and the cell's sources
        assertThat(engine.stateCount()).isEqualTo(3);
        assertThat(see(engine, "cam-2", "street_vending", 1)).as("cam-1 is a second source").hasSize(1);
        assertThat(engine.stateCount()).isEqualTo(5);

        engine.tick(T0 + 12 * MINUTE);
        // the cell's sources are out of the window; both cameras raised and are cooling down
        assertThat(engine.stateCount()).isEqualTo(2 + 2);
        engine.tick(T0 + 31 * MINUTE);
        assertThat(engine.stateCount()).as("only the senders' kinds").isEqualTo(2);
    }

    @Test
    void replacingRulesKeepsTheWindowsOfAnUnchangedRuleAndResetsAChangedOne() {
        RuleEngine engine = engine(PARKING);
        see(engine, "cam-1", "illegal_parking", 0);
        see(engine, "cam-1", "illegal_parking", 1);

        engine.replaceRules(new RuleSet(List.of(PARKING)));
        assertThat(see(engine, "cam-1", "illegal_parking", 2)).hasSize(1);

        see(engine, "cam-1", "illegal_parking", 3);
        see(engine, "cam-1", "illegal_parking", 4);
        engine.replaceRules(new RuleSet(List.of(confirmedRule("camera-illegal-parking", "illegal_parking", 3,
                Duration.ofMinutes(15), false, null, "illegal_parking"))));
        assertThat(see(engine, "cam-1", "illegal_parking", 5)).isEmpty();
    }
}
