package city.gridcommand.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;

/**
 * Topics and JSON payloads exactly as docs/contract.md section 1 gives them. Besides the contract's fields every
 * payload carries the sender's {@code seq}; coordinates are rounded to 6 decimals (about 0.1 m).
 */
final class Payloads {

    static final String ROOT = "grid/v1/";
    private static final JsonFactory JSON = new JsonFactory();

    private Payloads() {
    }

    /** Writes one JSON object; the writer fills in the fields. */
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    static CityMessage telemetry(String deviceId, long ts, long seq, Map<String, Double> metrics) {
        return message(ROOT + "sensors/" + deviceId + "/telemetry", false, ts, seq, json -> {
            json.writeObjectFieldStart("metrics");
            for (Map.Entry<String, Double> metric : metrics.entrySet()) {
                json.writeNumberField(metric.getKey(), metric.getValue());
            }
            json.writeEndObject();
        });
    }

    /** Without lat/lon: a fixed camera's detections are placed at its registered position. */
    static CityMessage detection(String cameraId, long ts, long seq, String kind, double confidence,
            String snapshotUrl) {
        return message(ROOT + "cameras/" + cameraId + "/detections", false, ts, seq, json -> {
            json.writeStringField("kind", kind);
            json.writeNumberField("confidence", confidence);
            json.writeStringField("snapshotUrl", snapshotUrl);
        });
    }

    static CityMessage location(String workerId, long ts, long seq, Coordinate at, double accuracy, double battery) {
        return message(ROOT + "workers/" + workerId + "/location", false, ts, seq, json -> {
            position(json, at);
            json.writeNumberField("accuracy", accuracy);
            json.writeNumberField("battery", battery);
        });
    }

    static CityMessage report(String workerId, long ts, long seq, UUID reportId, WorkerReportDraft draft,
            Coordinate at) {
        return message(ROOT + "workers/" + workerId + "/reports", false, ts, seq, json -> {
            json.writeStringField("reportId", reportId.toString());
            json.writeStringField("category", draft.category());
            json.writeStringField("description", draft.description());
            position(json, at);
            json.writeArrayFieldStart("photos");
            for (String photo : draft.photos()) {
                json.writeString(photo);
            }
            json.writeEndArray();
            json.writeStringField("severity", draft.severity());
        });
    }

    /** Retained, as the contract asks: a late subscriber learns the device's state at once. */
    static CityMessage status(String deviceId, long ts, long seq, boolean online) {
        return message(ROOT + "devices/" + deviceId + "/status", true, ts, seq,
                json -> json.writeBooleanField("online", online));
    }

    /** What a worker writes in a report, apart from the ids and the place. */
    record WorkerReportDraft(String category, String description, String severity, List<String> photos) {
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static void position(JsonGenerator json, Coordinate at) throws IOException {
        json.writeNumberField("lat", round(at.y, 6));
        json.writeNumberField("lon", round(at.x, 6));
    }

    private static CityMessage message(String topic, boolean retained, long ts, long seq, Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("ts", ts);
            json.writeNumberField("seq", seq);
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing JSON to memory", e);
        }
        return new CityMessage(topic, out.toByteArray(), retained);
    }
}
