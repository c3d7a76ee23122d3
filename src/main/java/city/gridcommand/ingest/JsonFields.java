package city.gridcommand.ingest;

import city.gridcommand.signal.Position;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed fields out of one payload's JSON object, turning every problem into a
 * {@link RejectedMessageException} that names the field.
 */
final class JsonFields {

    private final JsonNode object;

    JsonFields(JsonNode object) {
        this.object = object;
    }

    boolean has(String field) {
        JsonNode node = object.get(field);
        return node != null && !node.isNull();
    }

    long requiredLong(String field) throws RejectedMessageException {
        JsonNode node = required(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(field, "an integer");
        }
        return node.longValue();
    }

    long requiredNonNegativeLong(String field) throws RejectedMessageException {
        long value = requiredLong(field);
        if (value < 0) {
            throw invalid(field, "must not be negative");
        }
        return value;
    }

    double requiredDouble(String field) throws RejectedMessageException {
        return number(field, required(field));
    }

    Double optionalDouble(String field) throws RejectedMessageException {
        return has(field) ? number(field, object.get(field)) : null;
    }

    Double optionalDoubleIn(String field, double min, double max) throws RejectedMessageException {
        Double value = optionalDouble(field);
        if (value != null && (value < min || value > max)) {
            throw invalid(field, "must be within [" + min + ", " + max + "]");
        }
        return value;
    }

    boolean requiredBoolean(String field) throws RejectedMessageException {
        JsonNode node = required(field);
        if (!node.isBoolean()) {
            throw wrongType(field, "a boolean");
        }
        return node.booleanValue();
    }

    String requiredText(String field, int maxLength) throws RejectedMessageException {
        return text(field, required(field), maxLength);
    }

    String optionalText(String field, int maxLength) throws RejectedMessageException {
        return has(field) ? text(field, object.get(field), maxLength) : null;
    }

    JsonNode requiredObject(String field) throws RejectedMessageException {
        JsonNode node = required(field);
        if (!node.isObject()) {
            throw wrongType(field, "an object");
        }
        return node;
    }

    JsonNode requiredArray(String field) throws RejectedMessageException {
        JsonNode node = required(field);
        if (!node.isArray()) {
            throw wrongType(field, "an array");
        }
        return node;
    }

    /** lat and lon together, or null when both are absent; one without the other is refused. */
    Position optionalPosition() throws RejectedMessageException {
        boolean lat = has("lat");
        boolean lon = has("lon");
        if (!lat && !lon) {
            return null;
        }
        if (!lat || !lon) {
            throw new RejectedMessageException(RejectReason.MISSING_FIELD,
                    "field '" + (lat ? "lon" : "lat") + "' is required when '" + (lat ? "lat" : "lon") + "' is given");
        }
        return requiredPosition();
    }

    Position requiredPosition() throws RejectedMessageException {
        double lat = requiredDouble("lat");
        double lon = requiredDouble("lon");
        if (lat < -90 || lat > 90) {
            throw new RejectedMessageException(RejectReason.COORDINATE_OUT_OF_RANGE,
                    "field 'lat': " + lat + " is outside [-90, 90]");
        }
        if (lon < -180 || lon > 180) {
            throw new RejectedMessageException(RejectReason.COORDINATE_OUT_OF_RANGE,
                    "field 'lon': " + lon + " is outside [-180, 180]");
        }
        return new Position(lat, lon);
    }

    static String text(String field, JsonNode node, int maxLength) throws RejectedMessageException {
        if (!node.isTextual()) {
            throw wrongType(field, "a string");
        }
        String value = node.textValue();
        if (value.isBlank()) {
            throw invalid(field, "must not be empty");
        }
        if (value.length() > maxLength) {
            throw invalid(field, "is longer than " + maxLength + " characters");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw invalid(field, "must not contain the NUL character");
        }
        return value;
    }

    private JsonNode required(String field) throws RejectedMessageException {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw new RejectedMessageException(RejectReason.MISSING_FIELD, "field '" + field + "' is required");
        }
        return node;
    }

    private static double number(String field, JsonNode node) throws RejectedMessageException {
        if (!node.isNumber()) {
            throw wrongType(field, "a number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw invalid(field, "must be a finite number");
        }
        return value;
    }

    static RejectedMessageException wrongType(String field, String expected) {
        return new RejectedMessageException(RejectReason.WRONG_TYPE, "field '" + field + "' must be " + expected);
    }

    static RejectedMessageException invalid(String field, String problem) {
        return new RejectedMessageException(RejectReason.INVALID_VALUE, "field '" + field + "' " + problem);
    }
}
