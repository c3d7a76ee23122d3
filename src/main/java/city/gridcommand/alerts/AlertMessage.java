package city.gridcommand.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert as a person's channels carry it (docs/contract.md section 4):
 * <pre>{"type":"alert","alertId":"…","kind":"alert","reason":"raised","person":"w-0012","cell":"…",
 *  "cellPath":[…],"severity":"RED","events":[{"id","category","severity","state","trigger","deadline"}],
 *  "step":1,"round":1,"ackBy":…,"ts":…}</pre>
 * {@code kind}: {@code alert} (first to this person in this round), {@code reminder} (the chain moved on
 * past this person), {@code update} (a grouped alert got more events).
 */
public record AlertMessage(String alertId, String kind, AlertReason reason, String person, String cell,
        List<String> cellPath, String severity, List<EventFacts> events, ChainPosition position, long ackBy,
        long ts) {

    public static final String ALERT = "alert";
    public static final String REMINDER = "reminder";
    public static final String UPDATE = "update";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public AlertMessage {
        cellPath = List.copyOf(cellPath);
        events = List.copyOf(events);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "alert");
        body.put("alertId", alertId);
        body.put("kind", kind);
        body.put("reason", reason.wireName());
        body.put("person", person);
        body.put("cell", cell);
        body.put("cellPath", cellPath);
        body.put("severity", severity);
        List<Map<String, Object>> list = new ArrayList<>();
        for (EventFacts event : events) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", event.id());
            e.put("category", event.category());
            e.put("severity", event.severity() == null ? null : event.severity().name());
            e.put("state", event.state());
            e.put("trigger", event.trigger());
            e.put("deadline", event.deadline());
            list.add(e);
        }
        body.put("events", list);
        body.put("step", position.step());
        body.put("round", position.round());
        body.put("ackBy", ackBy);
        body.put("ts", ts);
        return body;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
