package city.gridcommand.sim;

import city.gridcommand.sim.CityMessage.Feed;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        return message(ROOT + "sensors/" + deviceId + "/telemetry", false, Feed.TELEMETRY, deviceId, ts, seq, json -> {
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
        return message(ROOT + "cameras/" + cameraId + "/detections", false, Feed.DETECTION, cameraId, ts, seq, json -> {
            json.writeStringField("kind", kind);
            json.writeNumberField("confidence", confidence);
            json.writeStringField("snapshotUrl", snapshotUrl);
        });
    }

    static CityMessage location(String workerId, long ts, long seq, Coordinate at, double accuracy, double battery) {
        return message(ROOT + "workers/" + workerId + "/location", false, Feed.LOCATION, workerId, ts, seq, json -> {
            position(json, at);
            json.writeNumberField("accuracy", accuracy);
            json.writeNumberField("battery", battery);
        });
    }

    static CityMessage report(String workerId, long ts, long seq, UUID reportId, WorkerReportDraft draft,
            Coordinate at) {
        return message(ROOT + "workers/" + workerId + "/reports", false, Feed.REPORT, workerId, ts, seq, json -> {
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
        return message(ROOT + "devices/" + deviceId + "/status", true,
                online ? Feed.ONLINE : Feed.OFFLINE, deviceId, ts, seq,
                json -> json.writeBooleanField("online", online));
    }

    /**
     * A gateway's batch on {@code grid/v1/gateways/{id}/telemetry} or {@code /detections}: each device's
     * readings, each exactly the payload the device would publish alone, in the order they were made.
     */
    static CityMessage gatewayBatch(String gatewayId, Feed readings, Map<String, List<byte[]>> byDevice) {
        String topic = ROOT + "gateways/" + gatewayId + switch (readings) {
            case TELEMETRY -> "/telemetry";
            case DETECTION -> "/detections";
            default -> throw new IllegalArgumentException("a gateway batches telemetry or detections, not " + readings);
        };
        return json(topic, false, gatewayId, json -> {
            json.writeObjectFieldStart("devices");
            for (Map.Entry<String, List<byte[]>> device : byDevice.entrySet()) {
                json.writeArrayFieldStart(device.getKey());
                for (byte[] reading : device.getValue()) {
                    json.writeRawValue(new String(reading, StandardCharsets.UTF_8));
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    /** A gateway's birth message: retained, so a late subscriber learns at once that it is up. */
    static CityMessage gatewayOnline(String gatewayId, long ts) {
        return json(gatewayStatusTopic(gatewayId), true, gatewayId, json -> {
            json.writeNumberField("ts", ts);
            json.writeBooleanField("online", true);
        });
    }

    /** A gateway's last will, stamped with its connect time: the broker publishes it, retained, if it dies. */
    static byte[] gatewayWill(long connectTs) {
        return object(json -> {
            json.writeNumberField("ts", connectTs);
            json.writeBooleanField("online", false);
        });
    }

    /**
     * A gateway saying that devices behind it are back ({@code connect}) or gone ({@code disconnect}). Not
     * retained: the retained message on the topic stays the gateway's own state.
     */
    static CityMessage gatewayDevices(String gatewayId, long ts, boolean online, List<String> deviceIds) {
        return json(gatewayStatusTopic(gatewayId), false, gatewayId, json -> {
            json.writeNumberField("ts", ts);
            json.writeArrayFieldStart(online ? "connect" : "disconnect");
            for (String id : deviceIds) {
                json.writeString(id);
            }
            json.writeEndArray();
        });
    }

    static String gatewayStatusTopic(String gatewayId) {
        return ROOT + "gateways/" + gatewayId + "/status";
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

    private static CityMessage message(String topic, boolean retained, Feed feed, String sender, long ts,
            long seq, Fields fields) {
        return new CityMessage(topic, object(json -> {
            json.writeNumberField("ts", ts);
            json.writeNumberField("seq", seq);
            fields.write(json);
        }), retained, feed, sender);
    }

    private static CityMessage json(String topic, boolean retained, String gatewayId, Fields fields) {
        return new CityMessage(topic, object(fields), retained, Feed.GATEWAY, gatewayId);
    }

    private static byte[] object(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing JSON to memory", e);
        }
        return out.toByteArray();
    }
}
