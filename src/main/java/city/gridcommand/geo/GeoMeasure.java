package city.gridcommand.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Metric measures of WGS84 geometries (x = longitude, y = latitude in degrees) on the WGS84 ellipsoid,
 * for the city-scale shapes of a grid.
 *
 * <p>Areas are exact on the ellipsoid for a polygon whose edges are straight lines in longitude and
 * latitude, which is how JTS sees them, so they add up: cells that tile a parent measure the parent's
 * area to rounding, and a gap or overlap found by JTS measures what it is. Each edge's share comes from
 * Green's theorem over the authalic function {@code q(φ)} (Snyder, <i>Map Projections: A Working
 * Manual</i>, USGS PP 1395, eq. 3-12), integrated along the edge with Simpson's rule: the error is
 * below 1e-9 of the area for edges under 10 km. Rings must not cross the antimeridian.
 *
 * <p>Distances and metre-to-degree conversions use the ellipsoid's radii of curvature at the latitude
 * concerned (a local equirectangular scale): within 0.01% up to about 100 km, not for longer distances.
 */
public final class GeoMeasure {

    /** WGS84 semi-major axis, metres (NIMA TR8350.2). */
    static final double A = 6_378_137.0;
    /** WGS84 flattening (NIMA TR8350.2). */
    static final double F = 1 / 298.257223563;
    static final double E2 = F * (2 - F);
    static final double E = Math.sqrt(E2);

    private GeoMeasure() {
    }

    /** Area in m² of a Polygon or MultiPolygon (holes excluded); 0 for anything without area. */
    public static double areaSquareMetres(Geometry geometry) {
        double area = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                area += polygonArea(polygon);
            } else if (part != geometry) {
                area += areaSquareMetres(part);
            }
        }
        return area;
    }

    /** Distance in metres between two points given as (longitude, latitude); city-scale distances only. */
    public static double distanceMetres(Coordinate a, Coordinate b) {
        double midLatitude = Math.toRadians((a.y + b.y) / 2);
        double east = Math.toRadians(b.x - a.x) * parallelRadius(midLatitude);
        double north = Math.toRadians(b.y - a.y) * meridionalRadius(midLatitude);
        return Math.hypot(east, north);
    }

    /**
     * Degrees of longitude spanning {@code metres} at {@code latitude}: the larger of the two degree
     * spans, so an envelope widened by it on every side holds every point within {@code metres}.
     */
    public static double metresToDegrees(double metres, double latitude) {
        return Math.max(metresToDegreesLongitude(metres, latitude), metresToDegreesLatitude(metres, latitude));
    }

    /** Degrees of latitude spanning {@code metres} north-south at {@code latitude}. */
    public static double metresToDegreesLatitude(double metres, double latitude) {
        return Math.toDegrees(metres / meridionalRadius(Math.toRadians(latitude)));
    }

    /** Degrees of longitude spanning {@code metres} east-west at {@code latitude} (not at the poles). */
    public static double metresToDegreesLongitude(double metres, double latitude) {
        return Math.toDegrees(metres / parallelRadius(Math.toRadians(latitude)));
    }

    private static double polygonArea(Polygon polygon) {
        if (polygon.isEmpty()) {
            return 0;
        }
        double area = Math.abs(ringArea(polygon.getExteriorRing().getCoordinateSequence()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            area -= Math.abs(ringArea(polygon.getInteriorRingN(i).getCoordinateSequence()));
        }
        return area;
    }

    /**
     * Signed area of a closed ring: the sum over its edges of -(a²/2)∫q dλ. q is taken relative to the
     * first vertex's value, which changes nothing around a closed ring but keeps the terms small.
     */
    private static double ringArea(CoordinateSequence ring) {
        int n = ring.size();
        if (n < 4) {
            return 0;
        }
        double q0 = q(Math.toRadians(ring.getY(0)));
        double sum = 0;
        double previousLat = Math.toRadians(ring.getY(0));
        double previousQ = 0;
        for (int i = 1; i < n; i++) {
            double lat = Math.toRadians(ring.getY(i));
            double qi = q(lat) - q0;
            double dLon = Math.toRadians(ring.getX(i) - ring.getX(i - 1));
            double qMid = q((previousLat + lat) / 2) - q0;
            sum += dLon * (previousQ + 4 * qMid + qi) / 6;
            previousLat = lat;
            previousQ = qi;
        }
        return -sum * A * A / 2;
    }

    /** Snyder's q(φ): the ellipsoid's area from the equator to latitude φ per radian of longitude is a²q/2. */
    static double q(double latitude) {
        double sin = Math.sin(latitude);
        double eSin = E * sin;
        return (1 - E2) * (sin / (1 - eSin * eSin) - Math.log((1 - eSin) / (1 + eSin)) / (2 * E));
    }

    private static double meridionalRadius(double latitude) {
        double w = 1 - E2 * Math.sin(latitude) * Math.sin(latitude);
        return A * (1 - E2) / (w * Math.sqrt(w));
    }

    private static double parallelRadius(double latitude) {
        double w = 1 - E2 * Math.sin(latitude) * Math.sin(latitude);
        return A / Math.sqrt(w) * Math.cos(latitude);
    }
}
