package city.gridcommand.rules;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.rules.ClearingCheck.Candidate;
import city.gridcommand.rules.ClearingCheck.Evidence;
import city.gridcommand.rules.ClearingCheck.Needs;
import city.gridcommand.rules.ClearingCheck.SenderLife;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a machine's event has cleared, judged with the default rules against what the database holds. */
class ClearingCheckTest {

    private static final long NOW = RuleFixtures.T0;
    private static final long MINUTE = RuleFixtures.MINUTE;

    private final ClearingCheck check = new ClearingCheck(DefaultRules.load());
    private final Map<String, Map<String, Double>> readings = new HashMap<>();
    private final Map<String, SenderLife> lives = new HashMap<>();
    private final Map<String, Set<String>> seeing = new HashMap<>();

    private Optional<String> cleared(String category, String... sources) {
        return check.cleared(new Candidate(category, List.of(sources)), new Evidence(readings, lives, seeing), NOW);
    }

    @Test
    void smokeClearsBelowClearAtNotJustBelowTheThreshold() {
        readings.put("smk-1", Map.of("smoke", 0.2, "temp", 22.0));
        assertThat(cleared("fire", "sensor:smk-1")).isEmpty();

        readings.put("smk-1", Map.of("smoke", 0.05, "temp", 22.0));
        assertThat(cleared("fire", "sensor:smk-1")).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("condition cleared: smk-1 smoke 0.05 back past 0.15, temp 22.0 back past 45.0"));
    }

    @Test
    void everyThresholdOfTheCategoryMustHaveClearedForTheSensor() {
        readings.put("smk-1", Map.of("smoke", 0.05, "temp", 50.0));
        assertThat(cleared("fire", "sensor:smk-1")).as("still hot: heat clears below 45").isEmpty();
        // an air monitor's temperature is not watched by the heat rule (capability smoke): only pm25 counts
        readings.put("air-1", Map.of("pm25", 100.0, "temp", 60.0));
        assertThat(cleared("air_pollution", "sensor:air-1")).isPresent();
    }

    @Test
    void aSensorNotYetHeardOrWithoutTheMetricHoldsTheEvent() {
        assertThat(cleared("fire", "sensor:smk-9")).isEmpty();
        readings.put("smk-9", Map.of("noise", 40.0));
        assertThat(cleared("fire", "sensor:smk-9")).as("no fire rule watches what it reports").isEmpty();
    }

    @Test
    void everySourceMustHaveCleared() {
        readings.put("smk-1", Map.of("smoke", 0.05));
        seeing.put("camera-fire", Set.of("cam-1"));
        assertThat(cleared("fire", "sensor:smk-1", "camera:cam-1")).as("the camera still sees fire").isEmpty();

        seeing.put("camera-fire", Set.of());
        assertThat(cleared("fire", "sensor:smk-1", "camera:cam-1")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("smk-1 smoke 0.05 back past 0.15").contains("cam-1 has not seen fire/smoke for PT30M"));
    }

    @Test
    void aPersonsReportKeepsTheEventForPeople() {
        readings.put("smk-1", Map.of("smoke", 0.05));
        assertThat(cleared("fire", "sensor:smk-1", "worker:w-1")).isEmpty();
        assertThat(cleared("fire", "hotline:12345")).isEmpty();
        assertThat(cleared("fire")).isEmpty();
    }

    @Test
    void aDeviceFaultClearsWhenTheDeviceIsHeardAgain() {
        lives.put("smk-1", new SenderLife(NOW - 10 * MINUTE, true));
        assertThat(cleared("device_fault", "sensor:smk-1")).as("its last word is its last will").isEmpty();

        lives.put("smk-1", new SenderLife(NOW - MINUTE, false));
        assertThat(cleared("device_fault", "sensor:smk-1")).hasValue("condition cleared: smk-1 heard again");

        lives.put("smk-1", new SenderLife(NOW - 20 * MINUTE, false));
        assertThat(cleared("device_fault", "sensor:smk-1")).as("silent longer than sensor-silent's PT15M").isEmpty();

        // device-offline watches cameras by their last will alone: a camera quiet for hours is not faulty
        lives.put("cam-1", new SenderLife(NOW - 300 * MINUTE, false));
        assertThat(cleared("device_fault", "camera:cam-1")).isPresent();
        assertThat(cleared("device_fault", "device:dev-unheard")).isEmpty();
    }

    @Test
    void aTerminalWithoutPositionsClearsWhenPositionsComeBack() {
        lives.put("w-1", new SenderLife(NOW - MINUTE, false));
        assertThat(cleared("worker_unreachable", "worker:w-1")).isPresent();
        assertThat(cleared("worker_absent", "worker:w-1")).as("whether a worker is back in their cells is not known here")
                .isEmpty();
    }

    @Test
    void aCompositeEventIsJudgedByTheRulesThatFeedIt() {
        seeing.put("camera-waterlogging", Set.of());
        readings.put("wl-1", Map.of("water_level", 0.02));
        assertThat(cleared("flooding", "sensor:wl-1", "camera:cam-7")).isPresent();

        Needs needs = check.needs(List.of(new Candidate("flooding", List.of("sensor:wl-1", "camera:cam-7"))));
        assertThat(needs.sensors()).containsExactly("wl-1");
        assertThat(needs.cameras().keySet()).extracting(DetectionRule::id).containsExactly("camera-waterlogging");
        assertThat(needs.cameras().values()).containsExactly(Set.of("cam-7"));
    }

    @Test
    void aDetectionRuleWithoutClearAfterNeverClearsItsEvents() {
        DetectionRule noClear = RuleFixtures.detectionRule("cam-smoke", "fire", 0.7, "smoke");
        ClearingCheck strict = new ClearingCheck(new RuleSet(List.of(noClear)));
        Evidence nothingSeen = new Evidence(Map.of(), Map.of(), Map.of());
        assertThat(strict.cleared(new Candidate("fire", List.of("camera:cam-1")), nothingSeen, NOW)).isEmpty();
        assertThat(strict.needs(List.of(new Candidate("fire", List.of("camera:cam-1")))).isEmpty()).isTrue();
    }

    @Test
    void theNeedsNameWhatToReadForEachKindOfSource() {
        Needs needs = check.needs(List.of(new Candidate("fire", List.of("sensor:smk-1", "camera:cam-1", "worker:w-1")),
                new Candidate("device_fault", List.of("sensor:smk-2", "camera:cam-2", "device:d-3")),
                new Candidate("worker_unreachable", List.of("worker:w-4"))));
        assertThat(needs.sensors()).containsExactlyInAnyOrder("smk-1");
        assertThat(needs.devices()).containsExactlyInAnyOrder("smk-2", "cam-2", "d-3");
        assertThat(needs.workers()).containsExactly("w-4");
        assertThat(needs.cameras().keySet()).extracting(DetectionRule::id).containsExactly("camera-fire");
        assertThat(needs.cameras().get(check.needs(List.of(new Candidate("fire", List.of("camera:cam-1"))))
                .cameras().keySet().iterator().next())).containsExactly("cam-1");
        assertThat(Duration.ofMinutes(30)).isEqualTo(needs.cameras().keySet().iterator().next().clearAfter());
    }
}
