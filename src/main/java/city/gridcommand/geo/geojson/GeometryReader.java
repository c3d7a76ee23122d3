package city.gridcommand.geo.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads a GeoJSON Polygon or MultiPolygon into JTS, checking what JTS would otherwise throw on or
 * silently accept: the nesting of the coordinate arrays, positions of [lon, lat] (an altitude is
 * allowed and dropped) within range, rings of at least 4 positions that end where they start. Each
 * fault is reported with where it is ("polygon 2, hole 1, position 5"); topology (self-intersection
 * and the like) is the validator's.
 */
final class GeometryReader {

    /** WGS84 with full double precision: coordinates come back out exactly as they went in. */
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final Consumer<String> problems;
    private boolean failed;

    GeometryReader(Consumer<String> problems) {
        this.problems = problems;
    }

    /** The geometry, or null after reporting every fault found. */
    Geometry read(JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            return fail("a cell needs a geometry (Polygon or MultiPolygon)");
        }
        if (!geometry.isObject()) {
            return fail("'geometry' must be a GeoJSON geometry object");
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            return fail("geometry type must be Polygon or MultiPolygon, not "
                    + (type.isEmpty() ? "missing" : FeatureReader.shown(geometry.get("type"))));
        }
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            return fail("a " + type + " needs a non-empty 'coordinates' array");
        }
        return type.equals("Polygon") ? polygon(coordinates, "") : multiPolygon(coordinates);
    }

    private Geometry multiPolygon(JsonNode polygons) {
        Polygon[] parts = new Polygon[polygons.size()];
        for (int i = 0; i < parts.length; i++) {
            JsonNode rings = polygons.get(i);
            if (!rings.isArray() || rings.isEmpty()) {
                fail("polygon " + i + " must be a non-empty array of rings");
            } else {
                parts[i] = polygon(rings, "polygon " + i + ", ");
            }
        }
        return failed ? null : WGS84.createMultiPolygon(parts);
    }

    private Polygon polygon(JsonNode rings, String where) {
        LinearRing[] read = new LinearRing[rings.size()];
        for (int i = 0; i < read.length; i++) {
            read[i] = ring(rings.get(i), where + (i == 0 ? "exterior ring" : "hole " + i));
        }
        if (failed) {
            return null;
        }
        LinearRing[] holes = new LinearRing[read.length - 1];
        System.arraycopy(read, 1, holes, 0, holes.length);
        return WGS84.createPolygon(read[0], holes);
    }

    private LinearRing ring(JsonNode positions, String where) {
        if (!positions.isArray()) {
            return fail(where + ": a ring must be an array of positions");
        }
        if (positions.size() < 4) {
            return fail(where + ": a ring needs at least 4 positions, it has " + positions.size());
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(positions.get(i), where + ", position " + i);
            if (coordinates[i] == null) {
                return null;
            }
        }
        Coordinate first = coordinates[0];
        Coordinate last = coordinates[coordinates.length - 1];
        if (!first.equals2D(last)) {
            return fail(where + " is not closed: it starts at " + show(first) + " and ends at " + show(last)
                    + "; the last position must repeat the first");
        }
        return WGS84.createLinearRing(coordinates);
    }

    private Coordinate position(JsonNode position, String where) {
        if (!position.isArray() || position.size() < 2 || position.size() > 3) {
            return fail(where + ": a position must be [longitude, latitude], not " + FeatureReader.shown(position));
        }
        for (JsonNode number : position) {
            if (!number.isNumber()) {
                return fail(where + ": coordinates must be numbers, not " + FeatureReader.shown(number));
            }
        }
        double lon = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (!(lon >= -180 && lon <= 180)) {
            return fail(where + ": longitude " + lon + " is outside [-180, 180]");
        }
        if (!(lat >= -90 && lat <= 90)) {
            return fail(where + ": latitude " + lat + " is outside [-90, 90]");
        }
        return new Coordinate(lon, lat);
    }

    private static String show(Coordinate at) {
        return "[" + at.x + ", " + at.y + "]";
    }

    private <T> T fail(String detail) {
        failed = true;
        problems.accept(detail);
        return null;
    }
}
