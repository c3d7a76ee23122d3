package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.SHANGHAI;
import static city.gridcommand.cases.CaseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic on office hours 08:30–12:00 and 14:00–17:30, Monday to Friday, in Shanghai. */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.standard();

    private long plus(String start, Duration working) {
        return calendar.plusWorking(at(start), working);
    }

    @Test
    void insideOnePeriodIsPlainAddition() {
        assertThat(plus("2026-11-23T09:00", Duration.ofHours(2))).isEqualTo(at("2026-11-23T11:00"));
    }

    @Test
    void lunchBreakDoesNotCount() {
        assertThat(plus("2026-11-23T11:00", Duration.ofHours(2))).isEqualTo(at("2026-11-23T15:00"));
        assertThat(plus("2026-11-23T12:30", Duration.ofHours(1))).isEqualTo(at("2026-11-23T15:00"));
    }

    @Test
    void workEndingAtThePeriodEndIsDueThen() {
        assertThat(plus("2026-11-23T10:00", Duration.ofHours(2))).isEqualTo(at("2026-11-23T12:00"));
    }

    @Test
    void eveningAndNightCarryToTheNextMorning() {
        assertThat(plus("2026-11-23T17:00", Duration.ofHours(1))).isEqualTo(at("2026-11-24T09:00"));
        assertThat(plus("2026-11-23T20:00", Duration.ofHours(1))).isEqualTo(at("2026-11-24T09:30"));
        assertThat(plus("2026-11-24T03:00", Duration.ofMinutes(30))).isEqualTo(at("2026-11-24T09:00"));
    }

    @Test
    void weekendIsSkipped() {
        assertThat(plus("2026-11-27T17:00", Duration.ofHours(1))).isEqualTo(at("2026-11-30T09:00"));
        assertThat(plus("2026-11-28T10:00", Duration.ofHours(1))).isEqualTo(at("2026-11-30T09:30"));
    }

    @Test
    void holidaysAreSkippedAndWorkedWeekendDaysCount() {
        WorkingCalendar nationalDay = calendar.withDays(
                Set.of(LocalDate.parse("2026-11-30")), Set.of(LocalDate.parse("2026-11-28")));
        assertThat(nationalDay.plusWorking(at("2026-11-27T17:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-28T09:00"));
        assertThat(nationalDay.plusWorking(at("2026-11-28T17:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-12-01T09:00"));
    }

    @Test
    void severalDaysOfWork() {
        assertThat(calendar.workingDay()).isEqualTo(Duration.ofHours(7));
        assertThat(plus("2026-11-23T10:00", Duration.ofHours(7))).isEqualTo(at("2026-11-24T10:00"));
        assertThat(plus("2026-11-27T10:00", Duration.ofHours(14))).isEqualTo(at("2026-12-01T10:00"));
    }

    @Test
    void zeroWorkIsDueAtOnceEvenOutsideHours() {
        assertThat(plus("2026-11-28T22:00", Duration.ZERO)).isEqualTo(at("2026-11-28T22:00"));
    }

    @Test
    void knowsWhetherAnInstantIsWorkingTime() {
        assertThat(calendar.isWorkingTime(at("2026-11-23T08:30"))).isTrue();
        assertThat(calendar.isWorkingTime(at("2026-11-23T12:00"))).isFalse();
        assertThat(calendar.isWorkingTime(at("2026-11-23T13:59"))).isFalse();
        assertThat(calendar.isWorkingTime(at("2026-11-28T10:00"))).isFalse();
    }

    @Test
    void refusesOverlappingPeriodsAndBadText() {
        assertThatThrownBy(() -> new WorkingCalendar(SHANGHAI, EnumSet.of(DayOfWeek.MONDAY),
                List.of(WorkingPeriod.parse("08:00-12:00"), WorkingPeriod.parse("11:00-13:00")), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> WorkingPeriod.parse("8.30-12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HH:mm-HH:mm");
        assertThatThrownBy(() -> WorkingPeriod.parse("12:00-08:30"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end after");
    }

    @Test
    void refusesNegativeWork() {
        assertThatThrownBy(() -> plus("2026-11-23T09:00", Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
