package city.gridcommand.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a schedule document, {@code {"schedules":[…]}}, into schedules, naming every field it cannot use by
 * its path ({@code schedules[1].layers[0].handover}). A schedule with any such error is left out of the
 * result; the document is then refused as a whole by the caller. Date-times of overrides are the city's
 * local time ({@code 2026-12-01T18:00}); one with an offset is converted to it.
 */
public final class ScheduleReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> DOCUMENT_FIELDS = Set.of("schedules");
    private static final Set<String> SCHEDULE_FIELDS = Set.of("id", "name", "department", "cell", "coverage",
            "layers", "overrides", "holidays");
    private static final Set<String> LAYER_FIELDS = Set.of("name", "participants", "shift", "handover",
            "handoverDay", "start", "restrictions");
    private static final Set<String> RESTRICTION_FIELDS = Set.of("windows", "days");
    private static final Set<String> OVERRIDE_FIELDS = Set.of("person", "from", "to");
    private static final Set<String> HOLIDAY_FIELDS = Set.of("date", "person");

    /** The schedules read, and every error found (the document is usable only when there is none). */
    public record Read(List<Schedule> schedules, List<ScheduleProblem> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final ZoneId zone;
    private final List<ScheduleProblem> errors = new ArrayList<>();

    private ScheduleReader(ZoneId zone) {
        this.zone = zone;
    }

    public static Read read(byte[] json, ZoneId zone) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new Read(List.of(), List.of(ScheduleProblem.error("$", "not JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            return new Read(List.of(), List.of(ScheduleProblem.error("$", "not readable: " + e.getMessage())));
        }
        return new ScheduleReader(zone).document(root);
    }

    private Read document(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new Read(List.of(), List.of(ScheduleProblem.error("$", "the document must be an object {\"schedules\":[…]}")));
        }
        unknownFields(root, DOCUMENT_FIELDS, "");
        JsonNode list = root.get("schedules");
        List<Schedule> schedules = new ArrayList<>();
        if (list == null || !list.isArray()) {
            errors.add(ScheduleProblem.error("schedules", "must be an array of schedules"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Schedule s = schedule(list.get(i), "schedules[" + i + "]");
                if (s != null) {
                    schedules.add(s);
                }
            }
        }
        return new Read(List.copyOf(schedules), List.copyOf(errors));
    }

    private Schedule schedule(JsonNode node, String path) {
        int before = errors.size();
        if (!node.isObject()) {
            errors.add(ScheduleProblem.error(path, "must be an object"));
            return null;
        }
        unknownFields(node, SCHEDULE_FIELDS, path + ".");
        String id = requiredText(node, "id", path);
        if (id != null && !id.matches("[A-Za-z0-9._:-]{1,100}")) {
            errors.add(ScheduleProblem.error(path + ".id", "1 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        String name = optionalText(node, "name", path);
        String department = optionalText(node, "department", path);
        String cell = requiredText(node, "cell", path);
        String coverageText = requiredText(node, "coverage", path);
        Coverage coverage = coverageText == null ? null : Coverage.fromWire(coverageText);
        if (coverageText != null && coverage == null) {
            errors.add(ScheduleProblem.error(path + ".coverage", "must be \"24/7\" or \"partial\", not '" + coverageText + "'"));
        }
        List<Layer> layers = new ArrayList<>();
        JsonNode layerList = node.get("layers");
        if (layerList == null || !layerList.isArray() || layerList.isEmpty()) {
            errors.add(ScheduleProblem.error(path + ".layers", "a schedule needs at least one layer"));
        } else {
            for (int j = 0; j < layerList.size(); j++) {
                Layer layer = layer(layerList.get(j), path + ".layers[" + j + "]");
                if (layer != null) {
                    layers.add(layer);
                }
            }
        }
        List<ShiftOverride> overrides = new ArrayList<>();
        JsonNode overrideList = optionalArray(node, "overrides", path);
        for (int k = 0; overrideList != null && k < overrideList.size(); k++) {
            ShiftOverride o = override(overrideList.get(k), path + ".overrides[" + k + "]");
            if (o != null) {
                overrides.add(o);
            }
        }
        List<Holiday> holidays = new ArrayList<>();
        JsonNode holidayList = optionalArray(node, "holidays", path);
        for (int k = 0; holidayList != null && k < holidayList.size(); k++) {
            Holiday h = holiday(holidayList.get(k), path + ".holidays[" + k + "]");
            if (h != null) {
                holidays.add(h);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new Schedule(id, name == null ? id : name, department, cell, coverage, layers, overrides, holidays);
    }

    private Layer layer(JsonNode node, String path) {
        int before = errors.size();
        if (!node.isObject()) {
            errors.add(ScheduleProblem.error(path, "must be an object"));
            return null;
        }
        unknownFields(node, LAYER_FIELDS, path + ".");
        String name = requiredText(node, "name", path);
        List<String> participants = new ArrayList<>();
        JsonNode people = node.get("participants");
        if (people == null || !people.isArray() || people.isEmpty()) {
            errors.add(ScheduleProblem.error(path + ".participants", "a layer needs at least one participant (person id)"));
        } else {
            for (int k = 0; k < people.size(); k++) {
                JsonNode p = people.get(k);
                if (!p.isTextual() || p.asText().isBlank()) {
                    errors.add(ScheduleProblem.error(path + ".participants[" + k + "]", "must be a person id"));
                } else {
                    participants.add(p.asText().trim());
                }
            }
        }
        String shiftText = requiredText(node, "shift", path);
        ShiftLength shift = ShiftLength.parse(shiftText);
        if (shiftText != null && shift == null) {
            errors.add(ScheduleProblem.error(path + ".shift", "unknown shift '" + shiftText
                    + "': daily, weekly, {N}h (1 to " + ShiftLength.MAX_HOURS + ") or {N}d (1 to " + ShiftLength.MAX_DAYS + ")"));
        }
        LocalTime handover = time(node, "handover", path);
        DayOfWeek handoverDay = null;
        String dayText = optionalText(node, "handoverDay", path);
        if (dayText != null) {
            handoverDay = day(dayText);
            if (handoverDay == null) {
                errors.add(ScheduleProblem.error(path + ".handoverDay", "unknown day '" + dayText + "' (monday … sunday)"));
            } else if (shift != null && !shift.weekly()) {
                errors.add(ScheduleProblem.error(path + ".handoverDay", "only a weekly shift has a hand-over day"));
            }
        } else if (shift != null && shift.weekly()) {
            errors.add(ScheduleProblem.error(path + ".handoverDay", "a weekly shift needs its hand-over day"));
        }
        LocalDate start = date(node, "start", path);
        Restrictions restrictions = restrictions(node.get("restrictions"), path + ".restrictions");
        if (errors.size() > before) {
            return null;
        }
        return new Layer(name, participants, shift, handover, handoverDay, start, restrictions);
    }

    private Restrictions restrictions(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Restrictions.NONE;
        }
        if (!node.isObject()) {
            errors.add(ScheduleProblem.error(path, "must be an object {\"windows\":[\"18:00-08:00\"],\"days\":[\"monday\"]}"));
            return null;
        }
        unknownFields(node, RESTRICTION_FIELDS, path + ".");
        List<TimeWindow> windows = new ArrayList<>();
        JsonNode w = node.get("windows");
        if (w != null && !w.isNull()) {
            if (!w.isArray()) {
                errors.add(ScheduleProblem.error(path + ".windows", "must be an array of \"HH:mm-HH:mm\""));
            } else {
                for (int k = 0; k < w.size(); k++) {
                    TimeWindow window = w.get(k).isTextual() ? TimeWindow.parse(w.get(k).asText()) : null;
                    if (window == null) {
                        errors.add(ScheduleProblem.error(path + ".windows[" + k + "]", "must be \"HH:mm-HH:mm\" (e.g. \"18:00-08:00\")"));
                    } else {
                        windows.add(window);
                    }
                }
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode d = node.get("days");
        if (d != null && !d.isNull()) {
            if (!d.isArray()) {
                errors.add(ScheduleProblem.error(path + ".days", "must be an array of days (monday … sunday)"));
            } else {
                for (int k = 0; k < d.size(); k++) {
                    DayOfWeek day = d.get(k).isTextual() ? day(d.get(k).asText()) : null;
                    if (day == null) {
                        errors.add(ScheduleProblem.error(path + ".days[" + k + "]", "unknown day (monday … sunday)"));
                    } else {
                        days.add(day);
                    }
                }
            }
        }
        return new Restrictions(windows, days);
    }

    private ShiftOverride override(JsonNode node, String path) {
        int before = errors.size();
        if (!node.isObject()) {
            errors.add(ScheduleProblem.error(path, "must be an object {\"person\",\"from\",\"to\"}"));
            return null;
        }
        unknownFields(node, OVERRIDE_FIELDS, path + ".");
        String person = requiredText(node, "person", path);
        LocalDateTime from = dateTime(node, "from", path);
        LocalDateTime to = dateTime(node, "to", path);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(ScheduleProblem.error(path + ".to", "must be after 'from'"));
        }
        return errors.size() > before ? null : new ShiftOverride(person, from, to);
    }

    private Holiday holiday(JsonNode node, String path) {
        int before = errors.size();
        if (!node.isObject()) {
            errors.add(ScheduleProblem.error(path, "must be an object {\"date\",\"person\"}"));
            return null;
        }
        unknownFields(node, HOLIDAY_FIELDS, path + ".");
        LocalDate date = date(node, "date", path);
        String person = requiredText(node, "person", path);
        return errors.size() > before ? null : new Holiday(date, person);
    }

    private void unknownFields(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(ScheduleProblem.error(prefix + name, "unknown field"));
            }
        }
    }

    private String requiredText(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            errors.add(ScheduleProblem.error(path + "." + field, "required (text)"));
            return null;
        }
        return v.asText().trim();
    }

    private String optionalText(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            errors.add(ScheduleProblem.error(path + "." + field, "must be text or null"));
            return null;
        }
        return v.asText().trim();
    }

    private JsonNode optionalArray(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            errors.add(ScheduleProblem.error(path + "." + field, "must be an array"));
            return null;
        }
        return v;
    }

    private LocalTime time(JsonNode node, String field, String path) {
        String text = requiredText(node, field, path);
        if (text == null) {
            return null;
        }
        LocalTime t = TimeWindow.Times.parseTime(text);
        if (t == null) {
            errors.add(ScheduleProblem.error(path + "." + field, "must be a time of day HH:mm, not '" + text + "'"));
        }
        return t;
    }

    private LocalDate date(JsonNode node, String field, String path) {
        String text = requiredText(node, field, path);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(ScheduleProblem.error(path + "." + field, "must be a date yyyy-MM-dd, not '" + text + "'"));
            return null;
        }
    }

    private LocalDateTime dateTime(JsonNode node, String field, String path) {
        String text = requiredText(node, field, path);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime();
            } catch (DateTimeParseException e) {
                errors.add(ScheduleProblem.error(path + "." + field, "must be a date-time yyyy-MM-ddTHH:mm (the city's time), not '"
                        + text + "'"));
                return null;
            }
        }
    }

    /** A day of the week by its English name or first three letters, any case; null when none. */
    static DayOfWeek day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || (t.length() == 3 && d.name().startsWith(t))) {
                return d;
            }
        }
        return null;
    }
}
