package city.gridcommand.geo.geojson;

import city.gridcommand.geo.CellFeature;
import city.gridcommand.geo.GridImport;
import city.gridcommand.geo.GridProblem;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a grid import body, a GeoJSON FeatureCollection (RFC 7946) of cells, into cells and the
 * problems of every feature that cannot be one. The collection is streamed and each feature read as
 * its own small tree, so a body of 100,000 cells never sits in memory as one JSON tree; features and
 * positions are counted as they stream and a body over its {@link GridLimits} is refused at the first
 * one too many ({@link GridTooLargeException}). A body that is not JSON or not a FeatureCollection gives
 * a single problem and no cells. Thread-safe.
 */
public final class GeoJsonGridReader {

    /** Duplicate keys are refused: a feature with two "code"s has no meaning. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final GridLimits limits;

    /** A reader without limits, for bodies built in code. */
    public GeoJsonGridReader() {
        this(GridLimits.NONE);
    }

    public GeoJsonGridReader(GridLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads a whole body; never throws for bad input, only for too much of it.
     *
     * @throws GridTooLargeException if the body holds more features or positions than the limits
     */
    public GridImport read(byte[] body) {
        try (VertexCounter parser = new VertexCounter(JSON.createParser(body), limits)) {
            return readCollection(parser);
        } catch (JacksonException e) {
            if (e.getCause() instanceof GridTooLargeException tooLarge) {
                throw tooLarge; // thrown while a feature's tree was built; not a JSON error
            }
            return refused("the body is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        } catch (IOException e) {
            // a byte array cannot fail to read; kept apart from JSON errors all the same
            return refused("the body could not be read: " + e.getMessage());
        }
    }

    private GridImport readCollection(VertexCounter parser) throws IOException {
        JsonToken start = parser.nextToken();
        if (start == null) {
            return refused("the body is empty; it must be a GeoJSON FeatureCollection");
        }
        if (start != JsonToken.START_OBJECT) {
            return refused("the body must be a GeoJSON FeatureCollection object, not a JSON " + kind(start));
        }
        String type = null;
        boolean features = false;
        List<CellFeature> cells = new ArrayList<>();
        List<GridProblem> problems = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(field)) {
                type = value == JsonToken.VALUE_STRING ? parser.getText() : "a JSON " + kind(value);
            } else if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                features = true;
                readFeatures(parser, cells, problems);
            }
            parser.skipChildren(); // foreign members ("version", "bbox", …) are not ours to read
        }
        if (parser.nextToken() != null) {
            return refused("the body has more content after the FeatureCollection" + where(parser.currentLocation()));
        }
        if (!"FeatureCollection".equals(type)) {
            return refused("the body must be a GeoJSON FeatureCollection, but its type is "
                    + (type == null ? "missing" : "'" + type + "'"));
        }
        if (!features) {
            return refused("a FeatureCollection needs a 'features' array");
        }
        return new GridImport(cells, problems);
    }

    private void readFeatures(VertexCounter parser, List<CellFeature> cells, List<GridProblem> problems)
            throws IOException {
        int feature = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (feature == limits.maxFeatures()) {
                throw GridTooLargeException.features(limits.maxFeatures());
            }
            parser.feature(feature);
            JsonNode node = parser.readValueAsTree();
            CellFeature cell = new FeatureReader(feature, problems).read(node);
            if (cell != null) {
                cells.add(cell);
            }
            feature++;
        }
    }

    private static GridImport refused(String detail) {
        return new GridImport(List.of(),
                List.of(GridProblem.of(GridProblem.Type.INVALID_DOCUMENT, null, null, detail)));
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> "object";
        };
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
