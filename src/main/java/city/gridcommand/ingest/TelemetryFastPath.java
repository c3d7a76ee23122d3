package city.gridcommand.ingest;

import city.gridcommand.signal.Position;
import city.gridcommand.signal.Telemetry;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a well-formed telemetry payload with Jackson's streaming parser, without building a tree: the
 * hot path of ingest. It only ever accepts; at the first thing it does not like it gives up (null), and
 * the general decoder reads the payload again and says exactly what is wrong. So both paths accept the
 * same payloads and every rejection has one wording.
 */
final class TelemetryFastPath {

    private static final JsonFactory JSON = new JsonFactory();

    /** The general decoder's timestamp window, so both paths accept the same readings. */
    interface Checks {
        boolean plausible(long ts);
    }

    private TelemetryFastPath() {
    }

    /** The reading, or null when the payload needs the general decoder (to be refused, most likely). */
    static Telemetry tryRead(String sender, byte[] payload, long receivedAt, Checks checks) {
        try (JsonParser parser = JSON.createParser(payload)) {
            return read(parser, sender, receivedAt, checks);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Telemetry read(JsonParser parser, String sender, long receivedAt, Checks checks) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Long ts = null;
        Long seq = null;
        Map<String, Double> metrics = null;
        Double lat = null;
        Double lon = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                return null;
            }
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                switch (field) {
                    case "ts" -> ts = null;
                    case "seq" -> seq = null;
                    case "metrics" -> metrics = null;
                    case "lat" -> lat = null;
                    case "lon" -> lon = null;
                    default -> { }
                }
                continue;
            }
            switch (field) {
                case "ts" -> ts = integer(parser, value);
                case "seq" -> seq = integer(parser, value);
                case "metrics" -> metrics = metrics(parser, value);
                case "lat" -> lat = number(parser, value);
                case "lon" -> lon = number(parser, value);
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null || ts == null || seq == null || seq < 0 || metrics == null
                || metrics.isEmpty() || (lat == null) != (lon == null) || !checks.plausible(ts)) {
            return null;
        }
        Position position = null;
        if (lat != null) {
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                return null;
            }
            position = new Position(lat, lon);
        }
        return new Telemetry(sender, seq, ts, Collections.unmodifiableMap(metrics), position, receivedAt);
    }

    private static Long integer(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new IllegalStateException("not a long");
        }
        return parser.getLongValue();
    }

    private static Double number(JsonParser parser, JsonToken value) throws IOException {
        if (!value.isNumeric()) {
            throw new IllegalStateException("not a number");
        }
        double number = parser.getDoubleValue();
        if (!Double.isFinite(number)) {
            throw new IllegalStateException("not finite");
        }
        return number;
    }

    private static Map<String, Double> metrics(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            throw new IllegalStateException("not an object");
        }
        Map<String, Double> metrics = new HashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw new IllegalStateException("not a field");
            }
            String name = parser.currentName();
            if (!SignalDecoder.isValidMetricName(name)) {
                throw new IllegalStateException("bad metric name");
            }
            metrics.put(name, number(parser, parser.nextToken()));
            if (metrics.size() > SignalDecoder.MAX_METRICS) {
                throw new IllegalStateException("too many metrics");
            }
        }
        return metrics;
    }
}
