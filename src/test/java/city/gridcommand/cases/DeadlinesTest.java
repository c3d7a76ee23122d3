package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.CALENDAR;
import static city.gridcommand.cases.CaseFixtures.DEADLINES;
import static city.gridcommand.cases.CaseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.signal.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Step deadlines from the shipped table on office hours, and test tables built in code. */
class DeadlinesTest {

    @Test
    void exposedGarbageIsHandledWithinFourWorkingHours() {
        long due = DEADLINES.deadlineFor("exposed_garbage", Severity.GREEN, DeadlineStep.HANDLE,
                at("2026-11-23T16:00"));
        assertThat(due).isEqualTo(at("2026-11-24T11:00"));
    }

    @Test
    void illegalConstructionIsStoppedWithinFourWorkingHoursAcrossTheWeekend() {
        long due = DEADLINES.deadlineFor("illegal_construction", Severity.GREEN, DeadlineStep.HANDLE,
                at("2026-11-27T15:00"));
        assertThat(due).isEqualTo(at("2026-11-30T10:00"));
    }

    @Test
    void aRedFireCountsCalendarMinutesAtNight() {
        long start = at("2026-11-28T03:00");
        assertThat(DEADLINES.deadlineFor("fire", Severity.RED, DeadlineStep.REGISTER, start))
                .isEqualTo(at("2026-11-28T03:03"));
        assertThat(DEADLINES.deadlineFor("flooding", Severity.RED, DeadlineStep.HANDLE, start))
                .isEqualTo(at("2026-11-28T04:00"));
    }

    @Test
    void aDeviceFaultHasOneWorkingDay() {
        assertThat(DEADLINES.deadlineFor("device_fault", Severity.GREEN, DeadlineStep.HANDLE, at("2026-11-23T10:00")))
                .isEqualTo(at("2026-11-24T10:00"));
    }

    @Test
    void stepsWithoutTheirOwnLimitUseTheDefaults() {
        assertThat(CaseFixtures.CATALOGUE.deadlines().limit("exposed_garbage", Severity.GREEN, DeadlineStep.VERIFY))
                .isEqualTo(StepLimit.parse("2wh"));
        assertThat(DEADLINES.deadlineFor("exposed_garbage", Severity.YELLOW, DeadlineStep.REGISTER,
                at("2026-11-23T11:45"))).isEqualTo(at("2026-11-23T14:15"));
    }

    @Test
    void aTestTableIsBuiltInCode() {
        DeadlineTable table = DeadlineTable.uniform(StepLimit.calendar(Duration.ofSeconds(2)));
        Deadlines quick = new Deadlines(table, CALENDAR);
        assertThat(quick.deadlineFor("fire", Severity.RED, DeadlineStep.VERIFY, 1_000L)).isEqualTo(3_000L);

        DeadlineTable.Builder builder = DeadlineTable.builder();
        for (Severity severity : Severity.values()) {
            for (DeadlineStep step : DeadlineStep.values()) {
                builder.defaultLimit(severity, step, StepLimit.parse("1s"));
            }
        }
        DeadlineTable mixed = builder.limit("fire", Severity.RED, DeadlineStep.HANDLE, StepLimit.parse("5s")).build();
        assertThat(mixed.limit("fire", Severity.RED, DeadlineStep.HANDLE)).isEqualTo(StepLimit.parse("5s"));
        assertThat(mixed.limit("smoke", Severity.RED, DeadlineStep.HANDLE)).isEqualTo(StepLimit.parse("1s"));
    }

    @Test
    void aTableNeedsEveryDefault() {
        assertThatThrownBy(() -> DeadlineTable.builder()
                .defaultLimit(Severity.GREEN, DeadlineStep.HANDLE, StepLimit.parse("1s")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no default limit");
    }

    @Test
    void limitsAreWrittenWithTheirUnit() {
        assertThat(StepLimit.parse("4wh")).isEqualTo(new StepLimit(4, StepLimit.Unit.WORKING_HOURS));
        assertThat(StepLimit.parse("15m")).isEqualTo(new StepLimit(15, StepLimit.Unit.MINUTES));
        assertThat(StepLimit.parse("1wd").wire()).isEqualTo("1wd");
        assertThat(StepLimit.parse("0h")).isNull();
        assertThat(StepLimit.parse("1.5h")).isNull();
        assertThat(StepLimit.parse("4 hours")).isNull();
        assertThat(StepLimit.parse(null)).isNull();
    }
}
