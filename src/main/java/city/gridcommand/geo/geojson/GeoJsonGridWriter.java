package city.gridcommand.geo.geojson;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellAttributes;
import city.gridcommand.geo.Grid;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * Writes cells as GeoJSON (RFC 7946) in the shape {@link GeoJsonGridReader} reads, so that reading
 * what was written gives equal cells: coordinates are written as decimals that parse back to the same
 * doubles, rings in their stored order and orientation (not reoriented to RFC 7946's right-hand rule,
 * which readers must not rely on anyway). A grid is a FeatureCollection with
 * the foreign member {@code "version"}; one cell is a Feature whose {@code id} is its code. Streams, so
 * a large grid is never built as a tree. Thread-safe.
 */
public final class GeoJsonGridWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The grid as a FeatureCollection, with its version. */
    public byte[] write(Grid grid) {
        return write(grid.version(), grid.cells());
    }

    /** Cells as a FeatureCollection with the given version, in the collection's order. */
    public byte[] write(long version, Collection<Cell> cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * cells.size() + 64);
        try {
            write(version, cells, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** Cells as a FeatureCollection streamed to {@code out}, which stays open. */
    public void write(long version, Collection<Cell> cells, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeNumberField("version", version);
            json.writeArrayFieldStart("features");
            for (Cell cell : cells) {
                feature(cell, json);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** One cell as a Feature. */
    public byte[] writeFeature(Cell cell) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            feature(cell, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One cell as a Feature tree, for an endpoint that adds members of its own (the children's codes). */
    public ObjectNode featureNode(Cell cell) {
        try (TokenBuffer buffer = new TokenBuffer(JSON, false)) {
            feature(cell, buffer);
            return JSON.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void feature(Cell cell, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeStringField("id", cell.code());
        json.writeFieldName("geometry");
        GeometryJson.write(cell.geometry(), GeometryJson.EXACT, json);
        json.writeObjectFieldStart("properties");
        properties(cell, json);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void properties(Cell cell, JsonGenerator json) throws IOException {
        json.writeStringField("code", cell.code());
        json.writeStringField("name", cell.name());
        json.writeStringField("level", cell.level().wireName());
        json.writeStringField("kind", cell.kind().wireName());
        json.writeStringField("parent", cell.parent());
        CellAttributes attributes = cell.attributes();
        if (attributes.households() != null) {
            json.writeNumberField("households", attributes.households());
        }
        if (attributes.population() != null) {
            json.writeNumberField("population", attributes.population());
        }
        if (!attributes.workers().isEmpty()) {
            json.writeArrayFieldStart("workers");
            for (String worker : attributes.workers()) {
                json.writeString(worker);
            }
            json.writeEndArray();
        }
        if (attributes.leader() != null) {
            json.writeStringField("leader", attributes.leader());
        }
    }
}
