package city.gridcommand.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

/** Writes schedules as the document {@link ScheduleReader} reads: {@code {"schedules":[…]}}. */
public final class ScheduleWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ScheduleWriter() {
    }

    public static ObjectNode document(List<Schedule> schedules) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("schedules");
        schedules.forEach(s -> list.add(schedule(s)));
        return root;
    }

    public static String toJson(List<Schedule> schedules) {
        try {
            return JSON.writeValueAsString(document(schedules));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode schedule(Schedule s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", s.id());
        node.put("name", s.name());
        node.put("department", s.department());
        node.put("cell", s.cell());
        node.put("coverage", s.coverage().wireName());
        ArrayNode layers = node.putArray("layers");
        for (Layer layer : s.layers()) {
            ObjectNode l = layers.addObject();
            l.put("name", layer.name());
            ArrayNode people = l.putArray("participants");
            layer.participants().forEach(people::add);
            l.put("shift", layer.shift().wireName());
            l.put("handover", TimeWindow.Times.format(layer.handover()));
            if (layer.handoverDay() != null) {
                l.put("handoverDay", day(layer.handoverDay()));
            }
            l.put("start", layer.start().toString());
            if (!layer.restrictions().none()) {
                ObjectNode r = l.putObject("restrictions");
                ArrayNode windows = r.putArray("windows");
                layer.restrictions().windows().forEach(w -> windows.add(w.wireName()));
                ArrayNode days = r.putArray("days");
                layer.restrictions().days().stream().sorted().forEach(d -> days.add(day(d)));
            }
        }
        ArrayNode overrides = node.putArray("overrides");
        for (ShiftOverride o : s.overrides()) {
            overrides.addObject().put("person", o.person()).put("from", o.from().toString()).put("to", o.to().toString());
        }
        ArrayNode holidays = node.putArray("holidays");
        for (Holiday h : s.holidays()) {
            holidays.addObject().put("date", h.date().toString()).put("person", h.person());
        }
        return node;
    }

    private static String day(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }
}
