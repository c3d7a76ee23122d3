package city.gridcommand.oncall;

import static city.gridcommand.oncall.OnCallFixtures.SHANGHAI;
import static city.gridcommand.oncall.OnCallFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading a schedule document, checking it as a whole, gap warnings, and writing it back. */
class ScheduleDocumentTest {

    private static final Set<String> CELLS = Set.of("440305", "440305001", "440305002");
    private final ScheduleClock clock = new ScheduleClock(SHANGHAI);
    private final ScheduleValidator validator = new ScheduleValidator(CELLS::contains,
            Set.of("dept-fire", "centre")::contains, clock, Duration.ofDays(28));

    private static final String FIRE = """
            {"id":"fire-1","name":"Fire, street one","department":"dept-fire","cell":"440305001","coverage":"24/7",
             "layers":[{"name":"base","participants":["a","b"],"shift":"weekly","handover":"09:00","handoverDay":"monday",
                        "start":"2026-03-02"},
                       {"name":"night","participants":["n"],"shift":"daily","handover":"18:00","start":"2026-03-02",
                        "restrictions":{"windows":["18:00-08:00"],"days":["mon","TUESDAY"]}}],
             "overrides":[{"person":"x","from":"2026-03-05T18:00","to":"2026-03-06T08:00"}],
             "holidays":[{"date":"2026-04-05","person":"h"}]}""";

    private static ScheduleReader.Read read(String json) {
        return ScheduleReader.read(json.getBytes(StandardCharsets.UTF_8), SHANGHAI);
    }

    private static List<String> paths(List<ScheduleProblem> problems) {
        return problems.stream().map(ScheduleProblem::path).toList();
    }

    @Test
    void aGoodDocumentReadsAndWritesBackTheSame() {
        ScheduleReader.Read read = read("{\"schedules\":[" + FIRE + "]}");
        assertThat(read.errors()).isEmpty();
        Schedule s = read.schedules().get(0);
        assertThat(s.layers()).extracting(Layer::name).containsExactly("base", "night");
        assertThat(s.layers().get(1).restrictions().days()).hasSize(2);
        String written = ScheduleWriter.toJson(read.schedules());
        ScheduleReader.Read again = read(written);
        assertThat(again.errors()).isEmpty();
        assertThat(again.schedules()).isEqualTo(read.schedules());
        assertThat(validator.validate(read.schedules(), at("2026-03-09T10:00")).errors()).isEmpty();
    }

    @Test
    void everyFormatErrorIsNamedByItsPath() {
        String bad = """
                {"schedules":[
                  {"id":"s1","cell":"440305","coverage":"always","layers":[]},
                  {"id":"s2","cell":"440305","coverage":"partial","colour":"red",
                   "layers":[{"name":"l","participants":[],"shift":"fortnightly","handover":"25:00","start":"2026-13-01"},
                             {"name":"w","participants":["a"],"shift":"weekly","handover":"09:00","start":"2026-03-02",
                              "restrictions":{"windows":["18-08"],"days":["someday"]}}],
                   "overrides":[{"person":"x","from":"2026-03-05T18:00","to":"2026-03-05T08:00"}]}]}""";
        ScheduleReader.Read read = read(bad);
        assertThat(read.schedules()).isEmpty();
        assertThat(paths(read.errors())).containsExactlyInAnyOrder(
                "schedules[0].coverage",
                "schedules[0].layers",
                "schedules[1].colour",
                "schedules[1].layers[0].participants",
                "schedules[1].layers[0].shift",
                "schedules[1].layers[0].handover",
                "schedules[1].layers[0].start",
                "schedules[1].layers[1].handoverDay",
                "schedules[1].layers[1].restrictions.windows[0]",
                "schedules[1].layers[1].restrictions.days[0]",
                "schedules[1].overrides[0].to");
        assertThat(read("[1,2]").errors()).extracting(ScheduleProblem::path).containsExactly("$");
        assertThat(read("{\"schedules\":").errors()).extracting(ScheduleProblem::path).containsExactly("$");
    }

    @Test
    void theSetIsCheckedAsAWhole() {
        String doc = """
                {"schedules":[
                  {"id":"a","department":"dept-fire","cell":"440305001","coverage":"partial",
                   "layers":[{"name":"l","participants":["p"],"shift":"daily","handover":"08:00","start":"2026-03-02"},
                             {"name":"l","participants":["q"],"shift":"daily","handover":"08:00","start":"2026-03-02"}],
                   "overrides":[{"person":"x","from":"2026-03-05T18:00","to":"2026-03-07T08:00"},
                                {"person":"y","from":"2026-03-06T07:00","to":"2026-03-06T09:00"},
                                {"person":"z","from":"2026-03-06T10:00","to":"2026-03-06T11:00"},
                                {"person":"w","from":"2026-03-07T08:00","to":"2026-03-07T09:00"}],
                   "holidays":[{"date":"2026-04-05","person":"h"},{"date":"2026-04-05","person":"i"}]},
                  {"id":"a","department":"dept-fire","cell":"440305001","coverage":"partial",
                   "layers":[{"name":"l","participants":["p"],"shift":"daily","handover":"08:00","start":"2026-03-02"}]},
                  {"id":"c","department":"dept-nowhere","cell":"440399","coverage":"partial",
                   "layers":[{"name":"l","participants":["p"],"shift":"daily","handover":"08:00","start":"2026-03-02"}]}]}""";
        ScheduleReader.Read read = read(doc);
        assertThat(read.errors()).isEmpty();
        ScheduleValidator.Report report = validator.validate(read.schedules(), at("2026-03-09T10:00"));
        assertThat(paths(report.errors())).containsExactlyInAnyOrder(
                "schedules[0].layers[1].name",
                "schedules[0].overrides[1]",
                "schedules[0].overrides[2]",
                "schedules[0].holidays[1].date",
                "schedules[1].id",
                "schedules[1].department",
                "schedules[2].cell",
                "schedules[2].department");
        assertThat(report.warnings()).as("partial schedules have no gap warnings").isEmpty();
    }

    @Test
    void aRoundTheClockScheduleWithGapsIsWarnedOfEachGapInTheHorizon() {
        String doc = """
                {"schedules":[{"id":"days","cell":"440305","coverage":"24/7",
                   "layers":[{"name":"day","participants":["a"],"shift":"daily","handover":"08:00","start":"2026-03-02",
                              "restrictions":{"windows":["08:00-20:00"]}}]},
                  {"id":"full","cell":"440305001","coverage":"24/7",
                   "layers":[{"name":"day","participants":["a","b"],"shift":"12h","handover":"08:00","start":"2026-03-02"}]}]}""";
        ScheduleReader.Read read = read(doc);
        long now = at("2026-03-09T10:00");
        ScheduleValidator.Report report = validator.validate(read.schedules(), now);
        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).hasSize(28).allSatisfy(w -> assertThat(w.path()).isEqualTo("schedules[0]"));
        assertThat(report.warnings().get(0).from()).isEqualTo(at("2026-03-09T20:00"));
        assertThat(report.warnings().get(0).to()).isEqualTo(at("2026-03-10T08:00"));
        assertThat(report.warnings().get(27).to()).as("the last night of the horizon").isEqualTo(at("2026-04-06T08:00"));
        // cut at the horizon when it ends inside a gap
        ScheduleValidator.Report evening = validator.validate(read.schedules(), at("2026-03-09T22:00"));
        assertThat(evening.warnings().get(0).from()).isEqualTo(at("2026-03-09T22:00"));
        assertThat(evening.warnings().get(evening.warnings().size() - 1).to())
                .isEqualTo(at("2026-03-09T22:00") + Duration.ofDays(28).toMillis());
    }

    @Test
    void contactChannelsAreCheckedAndDefaultedByWhoThePersonIs() {
        assertThat(ContactRules.checkChannels(List.of("webhook:sms-gw", "terminal", "browser"))).isEmpty();
        assertThat(paths(ContactRules.checkChannels(List.of("terminal", "pager", "terminal", "webhook:", "webhook:Bad Name"))))
                .containsExactly("channels[1]", "channels[2]", "channels[3]", "channels[4]");
        assertThat(paths(ContactRules.checkChannels(List.of()))).containsExactly("channels");
        assertThat(ContactRules.defaults("wrk-00001", true).channels()).containsExactly("terminal", "browser");
        assertThat(ContactRules.defaults("dispatcher", false).channels()).containsExactly("browser");
        assertThat(ContactRules.defaults("dispatcher", false).quietHours()).isNull();
    }
}
