package city.gridcommand.cases;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** Shared pieces for the case tests: the shipped catalogue, office hours and explicit times. */
final class CaseFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CategoryCatalogue CATALOGUE = CategoryCatalogue.loadDefault();
    static final WorkingCalendar CALENDAR = WorkingCalendar.standard();
    static final Deadlines DEADLINES = new Deadlines(CATALOGUE.deadlines(), CALENDAR);

    private CaseFixtures() {
    }

    /** Epoch ms of a local date-time in Shanghai, e.g. {@code at("2026-11-23T09:00")} (a Monday). */
    static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant().toEpochMilli();
    }
}
