package city.gridcommand.geo.geojson;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.Grid;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Cells for a map, not for a round trip: a FeatureCollection of a cell's children with the properties a
 * screen draws ({@code code}, {@code name}, {@code level}, {@code kind}, {@code childCount}), each geometry
 * simplified with JTS {@link TopologyPreservingSimplifier} (rings stay simple and holes inside their
 * shells) at a tolerance in degrees, and coordinates rounded to 1e-6 degrees (about 0.1 m). Thread-safe.
 */
public final class DisplayFeatureWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final double ROUND = 1e6;

    /**
     * The children of {@code code} in {@code grid} (empty for a leaf), with the foreign members
     * {@code version}, {@code scope} and {@code tolerance}.
     *
     * @param tolerance the simplification's distance tolerance in degrees; 0 keeps every vertex
     */
    public byte[] children(Grid grid, String code, double tolerance) {
        List<Cell> children = grid.children(code);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * children.size() + 128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeNumberField("version", grid.version());
            json.writeStringField("scope", code);
            json.writeNumberField("tolerance", tolerance);
            json.writeArrayFieldStart("features");
            for (Cell child : children) {
                feature(child, grid.children(child.code()).size(), simplified(child.geometry(), tolerance), json);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** The geometry with at most {@code tolerance} degrees of detail dropped; the same one for 0. */
    static Geometry simplified(Geometry geometry, double tolerance) {
        if (geometry == null || tolerance <= 0) {
            return geometry;
        }
        return TopologyPreservingSimplifier.simplify(geometry, tolerance);
    }

    private static void feature(Cell cell, int childCount, Geometry geometry, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeStringField("id", cell.code());
        json.writeFieldName("geometry");
        GeometryJson.write(geometry, ROUND, json);
        json.writeObjectFieldStart("properties");
        json.writeStringField("code", cell.code());
        json.writeStringField("name", cell.name());
        json.writeStringField("level", cell.level().wireName());
        json.writeStringField("kind", cell.kind().wireName());
        json.writeNumberField("childCount", childCount);
        json.writeEndObject();
        json.writeEndObject();
    }
}
