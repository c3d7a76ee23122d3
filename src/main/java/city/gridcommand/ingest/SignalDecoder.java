package city.gridcommand.ingest;

import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerAck;
import city.gridcommand.signal.WorkerPosition;
import city.gridcommand.signal.WorkerReport;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Turns a raw MQTT payload into a typed {@link Signal}, or says exactly why it cannot. Pure: the only
 * outside input is the clock used for the timestamp plausibility check.
 */
public final class SignalDecoder {

    static final int MAX_METRICS = 64;
    static final int MAX_NAME = 64;
    static final int MAX_URL = 2048;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_PHOTOS = 20;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final IngestLimits limits;
    private final LongSupplier clock;

    public SignalDecoder(IngestLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Decodes one message received at {@code receivedAt} (epoch ms) on an already parsed topic. */
    public Signal decode(TopicAddress address, byte[] payload, long receivedAt) throws RejectedMessageException {
        checkSize(payload.length);
        if (address.source() == SignalSource.TELEMETRY) {
            Telemetry fast = TelemetryFastPath.tryRead(address.senderId(), payload, receivedAt, this::plausible);
            if (fast != null) {
                return fast;
            }
        }
        return decodeTree(address, payload, receivedAt);
    }

    /** The general path: the payload as a JSON tree, every field checked, every problem named. */
    Signal decodeTree(TopicAddress address, byte[] payload, long receivedAt) throws RejectedMessageException {
        JsonFields fields = new JsonFields(parseObject(payload));
        String sender = address.senderId();
        return switch (address.source()) {
            case TELEMETRY -> new Telemetry(sender, fields.requiredNonNegativeLong("seq"), timestamp(fields),
                    metrics(fields), fields.optionalPosition(), receivedAt);
            case DETECTION -> detection(sender, fields, receivedAt);
            case WORKER_LOCATION -> new WorkerPosition(sender, fields.requiredNonNegativeLong("seq"),
                    timestamp(fields), fields.requiredPosition(), fields.optionalDoubleIn("accuracy", 0, 1_000_000),
                    fields.optionalDoubleIn("battery", 0, 1), receivedAt);
            case WORKER_REPORT -> report(sender, fields, receivedAt);
            case WORKER_ACK -> ack(sender, fields, receivedAt);
            case DEVICE_STATUS -> new DeviceStatus(sender, timestampNotAhead(fields), fields.requiredBoolean("online"),
                    receivedAt);
            case UNKNOWN -> throw new RejectedMessageException(RejectReason.UNKNOWN_TOPIC, "topic is not a grid/v1 feed");
        };
    }

    /**
     * Decodes what a gateway says on its status topic: exactly one of {@code online}, {@code connect} and
     * {@code disconnect}, with {@code ts} (checked only against the future, as a device's status).
     */
    public GatewayStatus decodeGatewayStatus(byte[] payload) throws RejectedMessageException {
        checkSize(payload.length);
        JsonFields fields = new JsonFields(parseObject(payload));
        long ts = timestampNotAhead(fields);
        boolean online = fields.has("online");
        boolean connect = fields.has("connect");
        boolean disconnect = fields.has("disconnect");
        int given = (online ? 1 : 0) + (connect ? 1 : 0) + (disconnect ? 1 : 0);
        if (given == 0) {
            throw new RejectedMessageException(RejectReason.MISSING_FIELD,
                    "field 'online', 'connect' or 'disconnect' is required");
        }
        if (given > 1) {
            throw JsonFields.invalid(online ? "online" : "connect", "cannot be given together with '"
                    + (online ? (connect ? "connect" : "disconnect") : "disconnect") + "'");
        }
        if (online) {
            return new GatewayStatus(ts, fields.requiredBoolean("online"), List.of(), false);
        }
        String field = connect ? "connect" : "disconnect";
        JsonNode ids = fields.requiredArray(field);
        if (ids.isEmpty()) {
            throw JsonFields.invalid(field, "must name at least one device");
        }
        List<String> devices = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isTextual()) {
                throw JsonFields.wrongType(field + "[" + i + "]", "a device id (a string)");
            }
            devices.add(id.textValue());
        }
        return new GatewayStatus(ts, null, List.copyOf(devices), connect);
    }

    /** The largest payload accepted, in bytes. */
    public int maxPayloadBytes() {
        return limits.maxPayloadBytes();
    }

    /** Refuses payloads over the limit before any parsing work is spent on them. */
    public void checkSize(int payloadSize) throws RejectedMessageException {
        if (payloadSize > limits.maxPayloadBytes()) {
            throw new RejectedMessageException(RejectReason.OVERSIZED_PAYLOAD,
                    "payload is " + payloadSize + " bytes, the limit is " + limits.maxPayloadBytes());
        }
    }

    private static JsonNode parseObject(byte[] payload) throws RejectedMessageException {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new RejectedMessageException(RejectReason.MALFORMED_JSON, "payload is not valid JSON: "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RejectedMessageException(RejectReason.MALFORMED_JSON, "payload could not be read: " + e);
        }
        if (root == null || root.isMissingNode()) {
            throw new RejectedMessageException(RejectReason.MALFORMED_JSON, "payload is empty");
        }
        if (!root.isObject()) {
            throw new RejectedMessageException(RejectReason.NOT_AN_OBJECT,
                    "payload must be a JSON object, not " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return root;
    }

    private long timestamp(JsonFields fields) throws RejectedMessageException {
        long ts = timestampNotAhead(fields);
        long now = clock.getAsLong();
        if (now - ts > limits.maxAge().toMillis()) {
            throw new RejectedMessageException(RejectReason.IMPLAUSIBLE_TIMESTAMP, "field 'ts' is " + (now - ts)
                    + " ms old (limit " + limits.maxAge().toMillis() + " ms)");
        }
        return ts;
    }

    /**
     * {@code ts}, checked only against the future. A status takes no other check: a last will carries the
     * time its device connected, which may be weeks before the broker publishes it, and it is the device's
     * latest word all the same (statuses count in the order they arrive, not by {@code ts}).
     */
    private long timestampNotAhead(JsonFields fields) throws RejectedMessageException {
        long ts = fields.requiredLong("ts");
        long ahead = ts - clock.getAsLong();
        if (ahead > limits.maxFutureSkew().toMillis()) {
            throw new RejectedMessageException(RejectReason.IMPLAUSIBLE_TIMESTAMP, "field 'ts' is " + ahead
                    + " ms ahead of the service clock (limit " + limits.maxFutureSkew().toMillis() + " ms)");
        }
        return ts;
    }

    /** A metric name the store can keep: 1 to {@link #MAX_NAME} characters, no NUL. */
    static boolean isValidMetricName(String name) {
        return !name.isEmpty() && name.length() <= MAX_NAME && name.indexOf('\u0000') < 0;
    }

    private boolean plausible(long ts) {
        long now = clock.getAsLong();
        return ts - now <= limits.maxFutureSkew().toMillis() && now - ts <= limits.maxAge().toMillis();
    }

    private static Map<String, Double> metrics(JsonFields fields) throws RejectedMessageException {
        JsonNode node = fields.requiredObject("metrics");
        if (node.isEmpty()) {
            throw JsonFields.invalid("metrics", "must hold at least one metric");
        }
        if (node.size() > MAX_METRICS) {
            throw JsonFields.invalid("metrics", "holds more than " + MAX_METRICS + " metrics");
        }
        Map<String, Double> metrics = new HashMap<>(node.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (!isValidMetricName(name)) {
                throw JsonFields.invalid("metrics", "has a metric name that is empty, longer than " + MAX_NAME
                        + " characters or holds NUL");
            }
            JsonNode value = entry.getValue();
            if (!value.isNumber()) {
                throw JsonFields.wrongType("metrics." + name, "a number");
            }
            double v = value.doubleValue();
            if (!Double.isFinite(v)) {
                throw JsonFields.invalid("metrics." + name, "must be a finite number");
            }
            metrics.put(name, v);
        }
        return Collections.unmodifiableMap(metrics);
    }

    private Detection detection(String sender, JsonFields fields, long receivedAt) throws RejectedMessageException {
        long seq = fields.requiredNonNegativeLong("seq");
        long ts = timestamp(fields);
        String kind = fields.requiredText("kind", MAX_NAME);
        double confidence = fields.requiredDouble("confidence");
        if (confidence < 0 || confidence > 1) {
            throw JsonFields.invalid("confidence", "must be within [0, 1]");
        }
        String snapshot = fields.optionalText("snapshotUrl", MAX_URL);
        return new Detection(sender, seq, ts, kind, DetectionKinds.isKnown(kind), confidence, snapshot,
                fields.optionalPosition(), receivedAt);
    }

    private WorkerReport report(String sender, JsonFields fields, long receivedAt) throws RejectedMessageException {
        long ts = timestamp(fields);
        UUID reportId = uuid(fields.requiredText("reportId", 64));
        String category = fields.requiredText("category", MAX_NAME);
        String description = fields.optionalText("description", MAX_DESCRIPTION);
        return new WorkerReport(sender, reportId, ts, category, description, fields.requiredPosition(),
                photos(fields), severity(fields), receivedAt);
    }

    private static UUID uuid(String text) throws RejectedMessageException {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw JsonFields.invalid("reportId", "must be a UUID");
        }
    }

    private static List<String> photos(JsonFields fields) throws RejectedMessageException {
        if (!fields.has("photos")) {
            return List.of();
        }
        JsonNode node = fields.requiredArray("photos");
        if (node.size() > MAX_PHOTOS) {
            throw JsonFields.invalid("photos", "holds more than " + MAX_PHOTOS + " photos");
        }
        List<String> photos = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            photos.add(JsonFields.text("photos[" + i + "]", node.get(i), MAX_URL));
        }
        return List.copyOf(photos);
    }

    private static Severity severity(JsonFields fields) throws RejectedMessageException {
        String text = fields.optionalText("severity", 16);
        if (text == null) {
            return null;
        }
        try {
            return Severity.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw JsonFields.invalid("severity", "must be one of GREEN, YELLOW, RED");
        }
    }

    private WorkerAck ack(String sender, JsonFields fields, long receivedAt) throws RejectedMessageException {
        long ts = timestamp(fields);
        String alertId = fields.optionalText("alertId", MAX_NAME);
        String eventId = fields.optionalText("eventId", MAX_NAME);
        if (alertId == null && eventId == null) {
            throw new RejectedMessageException(RejectReason.MISSING_FIELD, "field 'alertId' or 'eventId' is required");
        }
        if (alertId != null && eventId != null) {
            throw JsonFields.invalid("alertId", "cannot be given together with 'eventId'");
        }
        String action = eventId == null ? null : fields.requiredText("action", MAX_NAME);
        return new WorkerAck(sender, ts, alertId, eventId, action, receivedAt);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
