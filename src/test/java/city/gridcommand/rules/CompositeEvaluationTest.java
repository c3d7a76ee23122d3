package city.gridcommand.rules;

import static city.gridcommand.rules.RuleFixtures.CELL_A;
import static city.gridcommand.rules.RuleFixtures.MINUTE;
import static city.gridcommand.rules.RuleFixtures.T0;
import static city.gridcommand.rules.RuleFixtures.composite;
import static city.gridcommand.rules.RuleFixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.rules.CompositeRule.Distinct;
import city.gridcommand.signal.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompositeEvaluationTest {

    private static final CompositeRule BY_KINDS = composite("fire-confirmed", Distinct.KINDS, 2, Duration.ofMinutes(10),
            "fire");
    private static final CompositeRule BY_SOURCES = composite("two-cameras", Distinct.SOURCES, 2,
            Duration.ofMinutes(10));

    private static Outcome<CompositeWindow> feed(CompositeRule rule, CompositeWindow window, EventTrigger trigger) {
        return CompositeEvaluation.onTrigger(rule, window, trigger, trigger.ts());
    }

    @Test
    void aSensorAndACameraInsideTheWindowRaiseTheCompositeWithTheLatestSource() {
        Outcome<CompositeWindow> first = feed(BY_KINDS, null, trigger("fire", "sensor", "smk-1", CELL_A, T0));
        EventTrigger camera = trigger("fire", "camera", "cam-1", CELL_A, T0 + 10 * MINUTE);
        Outcome<CompositeWindow> second = feed(BY_KINDS, first.state(), camera);

        assertThat(first.raised()).isFalse();
        assertThat(second.trigger()).isEqualTo(new EventTrigger("fire-confirmed", "fire", Severity.RED, "dept-fire",
                CELL_A.baseCell(), CELL_A.path(), camera.source(), T0 + 10 * MINUTE));
    }

    @Test
    void aContributionOutsideTheWindowNoLongerCounts() {
        Outcome<CompositeWindow> first = feed(BY_KINDS, null, trigger("fire", "sensor", "smk-1", CELL_A, T0));
        Outcome<CompositeWindow> second = feed(BY_KINDS, first.state(),
                trigger("fire", "camera", "cam-1", CELL_A, T0 + 10 * MINUTE + 1));

        assertThat(second.raised()).isFalse();
        assertThat(second.state().bySource()).containsOnlyKeys("camera/cam-1");
    }

    @Test
    void theSameSourceTwiceIsOneSource() {
        Outcome<CompositeWindow> first = feed(BY_SOURCES, null, trigger("fire", "camera", "cam-1", CELL_A, T0));
        Outcome<CompositeWindow> second = feed(BY_SOURCES, first.state(),
                trigger("fire", "camera", "cam-1", CELL_A, T0 + MINUTE));

        assertThat(second.raised()).isFalse();
        assertThat(second.state().bySource()).hasSize(1);
    }

    @Test
    void distinctSourcesOfOneKindCountForSourcesButNotForKinds() {
        EventTrigger one = trigger("fire", "camera", "cam-1", CELL_A, T0);
        EventTrigger two = trigger("fire", "camera", "cam-2", CELL_A, T0 + MINUTE);

        assertThat(feed(BY_SOURCES, feed(BY_SOURCES, null, one).state(), two).raised()).isTrue();
        assertThat(feed(BY_KINDS, feed(BY_KINDS, null, one).state(), two).raised()).isFalse();
    }

    @Test
    void triggersOfOtherCategoriesDoNotCount() {
        Outcome<CompositeWindow> first = feed(BY_KINDS, null, trigger("fire", "sensor", "smk-1", CELL_A, T0));
        Outcome<CompositeWindow> crowd = feed(BY_KINDS, first.state(), trigger("crowd", "camera", "cam-1", CELL_A, T0));

        assertThat(crowd.raised()).isFalse();
        assertThat(crowd.state()).isSameAs(first.state());
    }

    @Test
    void expiryKeepsOnlyWhatIsInsideTheWindowAndDropsAnEmptyWindow() {
        CompositeWindow window = feed(BY_SOURCES, null, trigger("fire", "camera", "cam-1", CELL_A, T0)).state();
        window = feed(BY_SOURCES, window, trigger("fire", "camera", "cam-1", CELL_A, T0 + 5 * MINUTE)).state();

        assertThat(CompositeEvaluation.expire(BY_SOURCES, window, T0 + 15 * MINUTE)).isSameAs(window);
        assertThat(CompositeEvaluation.expire(BY_SOURCES, window, T0 + 15 * MINUTE + 1)).isNull();
    }
}
