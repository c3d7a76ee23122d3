package city.gridcommand.oncall;

import static city.gridcommand.oncall.OnCallFixtures.SHANGHAI;
import static city.gridcommand.oncall.OnCallFixtures.at;
import static city.gridcommand.oncall.OnCallFixtures.daily;
import static city.gridcommand.oncall.OnCallFixtures.layer;
import static city.gridcommand.oncall.OnCallFixtures.schedule;
import static city.gridcommand.oncall.OnCallFixtures.windows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Who is on call" over schedules on a cell path: the deepest cell first, per department, falling back upwards. */
class OnCallResolverTest {

    private static final List<String> PATH = List.of("440305", "440305001", "440305001001", "440305001001001");

    private final Schedule districtFire = schedule("district-fire", "440305", "dept-fire", Coverage.ALWAYS,
            List.of(daily("base", "08:00", "2026-03-02", "district-1")), List.of(), List.of());
    private final Schedule streetFireDays = schedule("street-fire", "440305001", "dept-fire", Coverage.PARTIAL,
            List.of(layer("day", ShiftLength.DAILY, "08:00", null, "2026-03-02", windows("08:00-18:00"), "street-1")),
            List.of(), List.of());
    private final Schedule streetCentre = schedule("street-centre", "440305001", "centre", Coverage.ALWAYS,
            List.of(daily("base", "08:00", "2026-03-02", "dispatcher-440305001")), List.of(), List.of());
    private final Schedule noDepartment = schedule("plain", "440305", null, Coverage.ALWAYS,
            List.of(daily("base", "08:00", "2026-03-02", "someone")), List.of(), List.of());
    private final OnCallResolver resolver = new OnCallResolver(
            List.of(districtFire, streetFireDays, streetCentre, noDepartment), new ScheduleClock(SHANGHAI));

    @Test
    void theDeepestScheduleOfTheDepartmentAnswersWhileItHasSomeone() {
        OnCallAnswer day = resolver.onCall(PATH, "dept-fire", at("2026-03-03T10:00")).orElseThrow();
        assertThat(day).isEqualTo(new OnCallAnswer("street-1", "street-fire", "layer:day", at("2026-03-03T18:00")));
        OnCallAnswer night = resolver.onCall(PATH, "dept-fire", at("2026-03-03T20:00")).orElseThrow();
        assertThat(night.personId()).as("the street's gap goes to the district").isEqualTo("district-1");
        assertThat(night.scheduleId()).isEqualTo("district-fire");
    }

    @Test
    void anAnswerFromAboveEndsWhenTheDeeperScheduleHasSomeoneAgain() {
        Schedule earlyStreet = schedule("early-street", "440305001", "dept-fire", Coverage.PARTIAL,
                List.of(layer("day", ShiftLength.DAILY, "07:00", null, "2026-03-02", windows("07:00-18:00"), "street-1")),
                List.of(), List.of());
        OnCallResolver early = new OnCallResolver(List.of(districtFire, earlyStreet), new ScheduleClock(SHANGHAI));
        OnCallAnswer night = early.onCall(PATH, "dept-fire", at("2026-03-03T20:00")).orElseThrow();
        assertThat(night.personId()).isEqualTo("district-1");
        assertThat(night.until()).as("the street's day starts before the district's hand-over at 08:00")
                .isEqualTo(at("2026-03-04T07:00"));
        assertThat(early.onCall(PATH, "dept-fire", at("2026-03-04T07:00")).orElseThrow().personId()).isEqualTo("street-1");
    }

    @Test
    void departmentsAreKeptApart() {
        assertThat(resolver.onCall(PATH, "centre", at("2026-03-03T20:00")).orElseThrow().personId())
                .isEqualTo("dispatcher-440305001");
        assertThat(resolver.onCall(PATH, null, at("2026-03-03T20:00")).orElseThrow().scheduleId()).isEqualTo("plain");
        assertThat(resolver.onCall(PATH, "dept-urban", at("2026-03-03T20:00"))).isEmpty();
        assertThat(resolver.onCall(List.of("440305", "440305002"), "centre", at("2026-03-03T20:00")))
                .as("another street's centre has no schedule").isEmpty();
        assertThat(resolver.onCall(PATH, "dept-fire", at("2026-03-01T10:00"))).as("before any rotation starts").isEmpty();
    }
}
