package city.gridcommand.oncall;

import static city.gridcommand.oncall.OnCallFixtures.BERLIN;
import static city.gridcommand.oncall.OnCallFixtures.SHANGHAI;
import static city.gridcommand.oncall.OnCallFixtures.at;
import static city.gridcommand.oncall.OnCallFixtures.daily;
import static city.gridcommand.oncall.OnCallFixtures.layer;
import static city.gridcommand.oncall.OnCallFixtures.schedule;
import static city.gridcommand.oncall.OnCallFixtures.swap;
import static city.gridcommand.oncall.OnCallFixtures.windows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rotations, layers and their restrictions, overrides and holidays, read at a time and as a plan. */
class ScheduleClockTest {

    private final ScheduleClock shanghai = new ScheduleClock(SHANGHAI);

    private String who(ScheduleClock clock, Schedule s, long t) {
        return clock.pointAt(s, t).map(OnCallShift::personId).orElse(null);
    }

    private String who(Schedule s, String localDateTime) {
        return who(shanghai, s, at(localDateTime));
    }

    private String source(Schedule s, String localDateTime) {
        return shanghai.pointAt(s, at(localDateTime)).map(OnCallShift::source).orElse(null);
    }

    @Test
    void aDailyRotationHandsOverAtItsTimeAndGoesRound() {
        Schedule s = schedule("s", daily("base", "08:00", "2026-03-02", "a", "b", "c"));
        assertThat(who(s, "2026-03-02T07:59")).as("before the first hand-over the layer has nobody").isNull();
        assertThat(who(s, "2026-03-02T08:00")).isEqualTo("a");
        assertThat(who(s, "2026-03-03T07:59:59")).isEqualTo("a");
        assertThat(who(s, "2026-03-03T08:00")).isEqualTo("b");
        assertThat(who(s, "2026-03-04T12:00")).isEqualTo("c");
        assertThat(who(s, "2026-03-05T08:00")).as("round again").isEqualTo("a");
        assertThat(who(s, "2026-06-30T09:00")).as("120 days on: 120 mod 3 = 0").isEqualTo("a");
        assertThat(source(s, "2026-03-04T12:00")).isEqualTo("layer:base");
    }

    @Test
    void aShiftHandedOverInTheEveningRunsAcrossMidnight() {
        Schedule s = schedule("s", daily("evening", "20:00", "2026-03-02", "a", "b"));
        assertThat(who(s, "2026-03-02T23:59")).isEqualTo("a");
        assertThat(who(s, "2026-03-03T00:00")).isEqualTo("a");
        assertThat(who(s, "2026-03-03T19:59")).isEqualTo("a");
        assertThat(who(s, "2026-03-03T20:00")).isEqualTo("b");
        assertThat(who(s, "2026-03-04T06:00")).isEqualTo("b");
    }

    @Test
    void aWeeklyRotationStartsOnItsFirstHandOverDay() {
        // 2026-03-04 is a Wednesday: the rotation starts on Monday 2026-03-09 at 09:00
        Schedule s = schedule("s", layer("week", ShiftLength.WEEKLY, "09:00", DayOfWeek.MONDAY, "2026-03-04",
                Restrictions.NONE, "a", "b"));
        assertThat(who(s, "2026-03-06T12:00")).isNull();
        assertThat(who(s, "2026-03-09T09:00")).isEqualTo("a");
        assertThat(who(s, "2026-03-15T23:00")).isEqualTo("a");
        assertThat(who(s, "2026-03-16T08:59")).isEqualTo("a");
        assertThat(who(s, "2026-03-16T09:00")).isEqualTo("b");
        assertThat(who(s, "2026-03-23T09:00")).isEqualTo("a");
    }

    @Test
    void hourAndDayCountedShifts() {
        Schedule twelve = schedule("s", layer("h", ShiftLength.parse("12h"), "08:00", null, "2026-03-02",
                Restrictions.NONE, "a", "b"));
        assertThat(who(twelve, "2026-03-02T19:59")).isEqualTo("a");
        assertThat(who(twelve, "2026-03-02T20:00")).isEqualTo("b");
        assertThat(who(twelve, "2026-03-03T07:59")).isEqualTo("b");
        assertThat(who(twelve, "2026-03-03T08:00")).isEqualTo("a");
        Schedule threeDays = schedule("s", layer("d", ShiftLength.parse("3d"), "08:00", null, "2026-03-02",
                Restrictions.NONE, "a", "b"));
        assertThat(who(threeDays, "2026-03-05T07:59")).isEqualTo("a");
        assertThat(who(threeDays, "2026-03-05T08:00")).isEqualTo("b");
        assertThat(who(threeDays, "2026-03-08T08:00")).isEqualTo("a");
    }

    @Test
    void dayShiftsKeepTheirLocalHandOverThroughDaylightSavingChanges() {
        // Berlin springs forward on 2026-03-29 (02:00 -> 03:00) and falls back on 2026-10-25
        ScheduleClock berlin = new ScheduleClock(BERLIN);
        Schedule s = schedule("s", daily("base", "09:00", "2026-03-27", "a", "b"));
        assertThat(who(berlin, s, at("2026-03-29T08:59", BERLIN))).isEqualTo("b");
        assertThat(who(berlin, s, at("2026-03-29T09:00", BERLIN))).isEqualTo("a");
        assertThat(who(berlin, s, at("2026-03-30T09:00", BERLIN))).isEqualTo("b");
        List<OnCallShift> plan = berlin.plan(s, at("2026-03-28T09:00", BERLIN), at("2026-03-30T09:00", BERLIN));
        assertThat(plan).extracting(OnCallShift::personId).containsExactly("b", "a");
        assertThat(plan.get(0).to() - plan.get(0).from()).as("the short night").isEqualTo(Duration.ofHours(23).toMillis());
        long autumn = at("2026-10-25T09:00", BERLIN);
        OnCallShift longDay = berlin.at(s, autumn - 1).orElseThrow();
        assertThat(longDay.to()).isEqualTo(autumn);
        assertThat(autumn - at("2026-10-24T09:00", BERLIN)).isEqualTo(Duration.ofHours(25).toMillis());
        // a hand-over time that does not exist that day (02:30 on the spring day) is moved on by the gap: 03:30
        Schedule gapped = schedule("s", daily("base", "02:30", "2026-03-27", "a", "b"));
        assertThat(who(berlin, gapped, at("2026-03-29T01:59", BERLIN))).isEqualTo("b");
        assertThat(who(berlin, gapped, at("2026-03-29T03:29", BERLIN))).isEqualTo("b");
        assertThat(who(berlin, gapped, at("2026-03-29T03:30", BERLIN))).isEqualTo("a");
        assertThat(who(berlin, gapped, at("2026-03-30T02:30", BERLIN))).as("the next day at 02:30 again").isEqualTo("b");
    }

    @Test
    void theLastLayerThatHasSomeoneWins() {
        Layer base = daily("base", "08:00", "2026-03-02", "day1", "day2");
        Layer night = layer("night", ShiftLength.WEEKLY, "18:00", DayOfWeek.MONDAY, "2026-03-02", windows("18:00-08:00"),
                "night1");
        Schedule s = schedule("s", base, night);
        assertThat(who(s, "2026-03-03T12:00")).isEqualTo("day2");
        assertThat(source(s, "2026-03-03T12:00")).isEqualTo("layer:base");
        assertThat(who(s, "2026-03-03T18:00")).isEqualTo("night1");
        assertThat(source(s, "2026-03-03T18:00")).isEqualTo("layer:night");
        assertThat(who(s, "2026-03-04T07:59")).isEqualTo("night1");
        assertThat(who(s, "2026-03-04T08:00")).isEqualTo("day1");
        // in the other order the base layer, always on, hides the night layer
        Schedule reversed = schedule("r", night, base);
        assertThat(who(reversed, "2026-03-03T19:00")).isEqualTo("day2");
    }

    @Test
    void restrictionsByWeekdayAndAWindowWrappingMidnightBelongToTheDayItStarts() {
        Layer weekend = layer("weekend", ShiftLength.DAILY, "00:00", null, "2026-03-02",
                new Restrictions(List.of(), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), "w");
        Schedule s = schedule("s", weekend);
        assertThat(who(s, "2026-03-06T23:59")).as("Friday").isNull();
        assertThat(who(s, "2026-03-07T00:00")).as("Saturday").isEqualTo("w");
        assertThat(who(s, "2026-03-08T23:59")).as("Sunday").isEqualTo("w");
        assertThat(who(s, "2026-03-09T00:00")).as("Monday").isNull();

        Layer fridayNight = layer("friday-night", ShiftLength.DAILY, "18:00", null, "2026-03-02",
                new Restrictions(List.of(TimeWindow.parse("18:00-08:00")), Set.of(DayOfWeek.FRIDAY)), "n");
        Schedule f = schedule("f", fridayNight);
        assertThat(who(f, "2026-03-05T19:00")).as("Thursday night").isNull();
        assertThat(who(f, "2026-03-06T19:00")).as("Friday night").isEqualTo("n");
        assertThat(who(f, "2026-03-07T07:59")).as("Saturday morning, still Friday's night").isEqualTo("n");
        assertThat(who(f, "2026-03-07T19:00")).as("Saturday night").isNull();
    }

    @Test
    void anOverrideBeatsHolidaysAndLayersAndAHolidayBeatsLayers() {
        Layer base = daily("base", "08:00", "2026-03-02", "a", "b");
        Schedule s = schedule("s", "440305", null, Coverage.ALWAYS, List.of(base),
                List.of(swap("swapper", "2026-03-05T18:00", "2026-03-06T08:00")),
                List.of(new Holiday(LocalDate.parse("2026-03-05"), "holi")));
        assertThat(who(s, "2026-03-04T12:00")).isEqualTo("a");
        assertThat(who(s, "2026-03-05T00:00")).isEqualTo("holi");
        assertThat(source(s, "2026-03-05T00:00")).isEqualTo("holiday");
        assertThat(who(s, "2026-03-05T18:00")).isEqualTo("swapper");
        assertThat(source(s, "2026-03-05T18:00")).isEqualTo("override");
        assertThat(who(s, "2026-03-06T07:59")).isEqualTo("swapper");
        assertThat(who(s, "2026-03-06T08:00")).isEqualTo("a");
        // until: the holiday ends at the override's start; the override at its end
        assertThat(shanghai.at(s, at("2026-03-05T10:00")).orElseThrow().to()).isEqualTo(at("2026-03-05T18:00"));
        assertThat(shanghai.at(s, at("2026-03-05T20:00")).orElseThrow().to()).isEqualTo(at("2026-03-06T08:00"));
    }

    @Test
    void theAnswerHoldsUntilTheNextChange() {
        Layer base = daily("base", "08:00", "2026-03-02", "a", "b");
        Layer night = daily("night", "18:00", "2026-03-02", "n");
        Schedule s = schedule("s", base, layer("night", ShiftLength.DAILY, "18:00", null, "2026-03-02",
                windows("18:00-08:00"), "n"));
        assertThat(shanghai.at(s, at("2026-03-03T12:00")).orElseThrow().to()).isEqualTo(at("2026-03-03T18:00"));
        assertThat(shanghai.at(s, at("2026-03-03T20:00")).orElseThrow().to()).isEqualTo(at("2026-03-04T08:00"));
        // one person always on: the answer holds at least as far as the clock looks
        Schedule alone = schedule("alone", night);
        long t = at("2026-03-03T20:00");
        assertThat(shanghai.at(alone, t).orElseThrow().to()).isEqualTo(t + ScheduleClock.LOOK_AHEAD.toMillis());
        assertThat(shanghai.at(alone, at("2026-03-01T00:00"))).as("before the rotation starts").isEmpty();
    }

    @Test
    void aChangeAWholeLookAheadChunkAwayIsFound() {
        // asked right at a weekly hand-over, the next one is exactly seven days (one chunk of the search) later
        Schedule s = schedule("s", layer("week", ShiftLength.WEEKLY, "09:00", DayOfWeek.MONDAY, "2026-03-02",
                Restrictions.NONE, "a", "b"));
        OnCallShift now = shanghai.at(s, at("2026-03-09T09:00")).orElseThrow();
        assertThat(now.personId()).isEqualTo("b");
        assertThat(now.to()).isEqualTo(at("2026-03-16T09:00"));
    }

    @Test
    void aPlanListsTheShiftsAndTheGaps() {
        Layer day = layer("day", ShiftLength.DAILY, "08:00", null, "2026-03-02", windows("08:00-18:00"), "a", "b");
        Schedule s = schedule("s", day);
        long from = at("2026-03-02T00:00");
        long to = at("2026-03-04T00:00");
        assertThat(shanghai.plan(s, from, to)).containsExactly(
                new OnCallShift(at("2026-03-02T08:00"), at("2026-03-02T18:00"), "a", "layer:day"),
                new OnCallShift(at("2026-03-03T08:00"), at("2026-03-03T18:00"), "b", "layer:day"));
        assertThat(shanghai.gaps(s, from, to)).containsExactly(
                new Gap(from, at("2026-03-02T08:00")),
                new Gap(at("2026-03-02T18:00"), at("2026-03-03T08:00")),
                new Gap(at("2026-03-03T18:00"), to));
        // the same person handed over to themself is one shift
        Schedule alone = schedule("alone", daily("base", "08:00", "2026-03-02", "a"));
        assertThat(shanghai.plan(alone, at("2026-03-03T00:00"), at("2026-03-06T00:00"))).hasSize(1);
    }

    @Test
    void theZoneDecidesTheLocalTimes() {
        Schedule s = schedule("s", daily("base", "08:00", "2026-03-02", "a", "b"));
        long t = at("2026-03-03T10:00", SHANGHAI); // 03:00 in Berlin (UTC+1 in March)
        assertThat(who(shanghai, s, t)).isEqualTo("b");
        assertThat(who(new ScheduleClock(ZoneId.of("Europe/Berlin")), s, t)).isEqualTo("a");
    }
}
