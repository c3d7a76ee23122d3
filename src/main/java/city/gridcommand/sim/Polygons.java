package city.gridcommand.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;

/** Geometry chores of the generator: clipping to clean (Multi)Polygons, metric scale, random points inside. */
final class Polygons {

    static final GeometryFactory FACTORY = new GeometryFactory();

    /** Metres per degree of latitude (WGS84 mean near the tropic; good to 0.1 % at Shenzhen). */
    static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    /**
     * Parts smaller than this (about 0.01 m²) are overlay noise, not land: a Voronoi edge that runs almost
     * along the parent's boundary leaves such slivers, and dropping them keeps every cell a clean shape.
     */
    private static final double MIN_PART_AREA_DEG2 = 1e-12;

    private Polygons() {
    }

    /** Metres per degree of longitude at a latitude. */
    static double metresPerDegreeLon(double lat) {
        return METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
    }

    /** Distance in metres between two nearby WGS84 points (equirectangular: exact enough under 20 km). */
    static double metres(Coordinate a, Coordinate b) {
        double dx = (a.x - b.x) * metresPerDegreeLon((a.y + b.y) / 2);
        double dy = (a.y - b.y) * METRES_PER_DEGREE_LAT;
        return Math.hypot(dx, dy);
    }

    /** The part of {@code shape} inside {@code parent}, as a valid Polygon or MultiPolygon (possibly empty). */
    static Geometry clip(Geometry shape, Geometry parent) {
        return clean(OverlayNGRobust.overlay(shape, parent, OverlayNG.INTERSECTION));
    }

    /**
     * Keeps only the polygonal parts of an overlay result (an intersection may also hold the lines and
     * points where the inputs touch), drops slivers, and repairs what is still invalid.
     */
    static Geometry clean(Geometry geometry) {
        Geometry polygonal = polygonalParts(geometry);
        if (!IsValidOp.isValid(polygonal)) {
            polygonal = polygonalParts(GeometryFixer.fix(polygonal));
        }
        return polygonal;
    }

    private static Geometry polygonalParts(Geometry geometry) {
        List<Polygon> parts = new ArrayList<>();
        for (Object part : PolygonExtracter.getPolygons(geometry)) {
            Polygon polygon = (Polygon) part;
            if (polygon.getArea() >= MIN_PART_AREA_DEG2) {
                parts.add(polygon);
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    /**
     * A uniformly random point strictly inside the area, by rejection from its envelope; after many misses
     * (a very thin area) its interior point, so the answer is always inside.
     */
    static Coordinate randomPointInside(PreparedGeometry area, SplittableRandom random) {
        Envelope envelope = area.getGeometry().getEnvelopeInternal();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            double x = random.nextDouble(envelope.getMinX(), envelope.getMaxX());
            double y = random.nextDouble(envelope.getMinY(), envelope.getMaxY());
            Coordinate point = new Coordinate(x, y);
            if (area.containsProperly(FACTORY.createPoint(point))) {
                return point;
            }
        }
        return area.getGeometry().getInteriorPoint().getCoordinate();
    }
}
