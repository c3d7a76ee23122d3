package city.gridcommand.rules;

import static city.gridcommand.rules.RuleFixtures.CELL_A;
import static city.gridcommand.rules.RuleFixtures.T0;
import static city.gridcommand.rules.RuleFixtures.detection;
import static city.gridcommand.rules.RuleFixtures.detectionRule;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import org.junit.jupiter.api.Test;

class DetectionEvaluationTest {

    private static final DetectionRule FIRE = detectionRule("camera-fire", "fire", 0.7, "fire", "smoke");

    @Test
    void everyConfidentDetectionOfAListedKindIsATriggerFromTheCamera() {
        EventTrigger first = DetectionEvaluation.evaluate(FIRE, detection("cam-1", T0, "smoke", 0.7), CELL_A, T0 + 3);
        EventTrigger second = DetectionEvaluation.evaluate(FIRE, detection("cam-1", T0 + 1, "fire", 0.95), CELL_A, T0);

        assertThat(first.source()).isEqualTo(new TriggerSource("camera", "cam-1", T0 / 1000, T0));
        assertThat(first.ts()).isEqualTo(T0 + 3);
        assertThat(first.cell()).isEqualTo(CELL_A.baseCell());
        assertThat(second).isNotNull();
    }

    @Test
    void unsureDetectionsOtherKindsAndDetectionsOutsideTheGridRaiseNothing() {
        assertThat(DetectionEvaluation.evaluate(FIRE, detection("cam-1", T0, "fire", 0.69), CELL_A, T0)).isNull();
        assertThat(DetectionEvaluation.evaluate(FIRE, detection("cam-1", T0, "crowd", 0.99), CELL_A, T0)).isNull();
        assertThat(DetectionEvaluation.evaluate(FIRE, detection("cam-1", T0, "fire", 0.99), CellLocation.OUTSIDE, T0))
                .isNull();
        assertThat(DetectionEvaluation.evaluate(FIRE, detection("cam-1", T0, "fire", 0.99), null, T0)).isNull();
    }
}
