package city.gridcommand.geo.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a cell's (multi)polygon as a GeoJSON geometry, streaming; each coordinate as given, or rounded to
 * {@code 1 / scale} (a map needs no more than micro-degrees, about 10 cm).
 */
final class GeometryJson {

    /** Coordinates as they are. */
    static final double EXACT = 0;

    private GeometryJson() {
    }

    /** {@code null} for no geometry or an empty one (GeoJSON's unlocated feature). */
    static void write(Geometry geometry, double scale, JsonGenerator json) throws IOException {
        if (geometry == null || geometry.isEmpty()) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        if (geometry instanceof Polygon polygon) {
            json.writeStringField("type", "Polygon");
            json.writeFieldName("coordinates");
            rings(polygon, scale, json);
        } else {
            json.writeStringField("type", "MultiPolygon");
            json.writeArrayFieldStart("coordinates");
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                rings((Polygon) geometry.getGeometryN(i), scale, json);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void rings(Polygon polygon, double scale, JsonGenerator json) throws IOException {
        json.writeStartArray();
        ring(polygon.getExteriorRing().getCoordinateSequence(), scale, json);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(polygon.getInteriorRingN(i).getCoordinateSequence(), scale, json);
        }
        json.writeEndArray();
    }

    private static void ring(CoordinateSequence ring, double scale, JsonGenerator json) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < ring.size(); i++) {
            json.writeStartArray();
            json.writeNumber(scale == EXACT ? ring.getX(i) : Math.round(ring.getX(i) * scale) / scale);
            json.writeNumber(scale == EXACT ? ring.getY(i) : Math.round(ring.getY(i) * scale) / scale);
            json.writeEndArray();
        }
        json.writeEndArray();
    }
}
