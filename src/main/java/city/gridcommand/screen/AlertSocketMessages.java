package city.gridcommand.screen;

import city.gridcommand.alerts.AckResult;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * What a person sends on {@code /ws/v1/alerts} and what it is answered: {@code {"type":"ack","alertId":"…"}}
 * is an {@link Ack}; anything else is a {@link Refused} naming the field at fault, answered with
 * {@code {"type":"error","field":…,"detail":…}} (the socket stays open).
 */
final class AlertSocketMessages {

    private static final int MOST_ID = 128;

    private AlertSocketMessages() {
    }

    /** A message from the person. */
    sealed interface Incoming permits Ack, Refused {
    }

    /** Acknowledge this alert. */
    record Ack(String alertId) implements Incoming {
    }

    /** A message that is not understood: the field at fault and why. */
    record Refused(String field, String detail) implements Incoming {
    }

    static Incoming parse(String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return new Refused("message", "not a JSON object");
        }
        Object type = message.getValue("type");
        if (!(type instanceof String)) {
            return new Refused("type", "a message needs a type (\"ack\")");
        }
        if (!"ack".equals(type)) {
            return new Refused("type", "unknown type '" + shorten((String) type) + "' (known: \"ack\")");
        }
        Object alertId = message.getValue("alertId");
        if (!(alertId instanceof String id) || id.isBlank()) {
            return new Refused("alertId", "an ack needs the alert's id (a string)");
        }
        if (id.length() > MOST_ID) {
            return new Refused("alertId", "longer than " + MOST_ID + " characters");
        }
        return new Ack(id);
    }

    /** {@code {"type":"ack.result","alertId":…,"status":"acked|already_acked|not_recipient|unknown_alert|ended"}}. */
    static String ackResult(AckResult result) {
        return new JsonObject().put("type", "ack.result").put("alertId", result.alertId())
                .put("status", result.status().name().toLowerCase(Locale.ROOT)).encode();
    }

    /** {@code {"type":"error","field":…,"detail":…}}; field may be null (nothing the person sent is at fault). */
    static String error(String field, String detail) {
        JsonObject error = new JsonObject().put("type", "error");
        if (field != null) {
            error.put("field", field);
        }
        return error.put("detail", detail).encode();
    }

    private static String shorten(String value) {
        return value.length() > 32 ? value.substring(0, 32) + "…" : value;
    }
}
