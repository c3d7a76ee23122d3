package city.gridcommand.geo;

import city.gridcommand.geo.check.GridReport;
import city.gridcommand.geo.check.GridValidator;
import city.gridcommand.geo.geojson.GeoJsonGridReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Import bodies for tests: the Nanshan fixture (a district, 2 streets, 4 communities, 10 base cells of
 * jittered, wavy shapes that tile their parents exactly, one with a hole filled by another, one a
 * MultiPolygon, plus a school and a police beat) to read and mutate, and small rectangle grids.
 */
public final class GridFixture {

    public static final ObjectMapper JSON = new ObjectMapper();

    private GridFixture() {
    }

    /** A fresh, mutable copy of src/test/resources/geo/nanshan-grid.geojson. */
    public static ObjectNode nanshan() {
        try (InputStream in = GridFixture.class.getResourceAsStream("/geo/nanshan-grid.geojson")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The position of the feature with this code. */
    public static int indexOf(JsonNode collection, String code) {
        JsonNode features = collection.get("features");
        for (int i = 0; i < features.size(); i++) {
            if (code.equals(features.get(i).path("properties").path("code").asText())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no feature " + code);
    }

    public static ObjectNode feature(JsonNode collection, String code) {
        return (ObjectNode) collection.get("features").get(indexOf(collection, code));
    }

    public static ObjectNode properties(JsonNode collection, String code) {
        return (ObjectNode) feature(collection, code).get("properties");
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GridImport read(JsonNode collection) {
        return new GeoJsonGridReader().read(bytes(collection));
    }

    public static GridReport validate(JsonNode collection) {
        return new GridValidator().validate(read(collection));
    }

    public static ObjectNode collection(JsonNode... features) {
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        collection.putArray("features").addAll(java.util.List.of(features));
        return collection;
    }

    /** A feature whose geometry is a lon/lat rectangle; {@code kind} and {@code parent} may be null. */
    public static ObjectNode rectangle(String code, String level, String kind, String parent, double west,
            double south, double east, double north) {
        ObjectNode feature = JSON.createObjectNode().put("type", "Feature");
        feature.set("geometry", polygon(new double[][] {{west, south}, {east, south}, {east, north},
                {west, north}, {west, south}}));
        ObjectNode properties = feature.putObject("properties").put("code", code).put("name", "cell " + code)
                .put("level", level).put("parent", parent);
        if (kind != null) {
            properties.put("kind", kind);
        }
        return feature;
    }

    /** A GeoJSON Polygon with these rings, each a list of [lon, lat]. */
    public static ObjectNode polygon(double[][]... rings) {
        ObjectNode polygon = JSON.createObjectNode().put("type", "Polygon");
        ArrayNode coordinates = polygon.putArray("coordinates");
        for (double[][] ring : rings) {
            ArrayNode positions = coordinates.addArray();
            for (double[] position : ring) {
                positions.addArray().add(position[0]).add(position[1]);
            }
        }
        return polygon;
    }

    /**
     * A district, street and community on one rectangle [113.90, 22.50]–[113.91, 22.51] with two base
     * cells split at longitude 113.905: the west one ends at {@code westEast}, the east one at
     * {@code eastEast}. With (113.905, 113.91) they tile the community exactly.
     */
    public static ObjectNode smallGrid(double westEast, double eastEast) {
        return collection(
                rectangle("440305", "district", null, null, 113.90, 22.50, 113.91, 22.51),
                rectangle("440305001", "street", "base", "440305", 113.90, 22.50, 113.91, 22.51),
                rectangle("440305001001", "community", null, "440305001", 113.90, 22.50, 113.91, 22.51),
                rectangle("440305001001001", "grid", null, "440305001001", 113.90, 22.50, westEast, 22.51),
                rectangle("440305001001002", "grid", null, "440305001001", 113.905, 22.50, eastEast, 22.51));
    }
}
