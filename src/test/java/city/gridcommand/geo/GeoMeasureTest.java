package city.gridcommand.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class GeoMeasureTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    static Polygon rectangle(double west, double south, double east, double north) {
        return FACTORY.createPolygon(new Coordinate[] {new Coordinate(west, south), new Coordinate(east, south),
                new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)});
    }

    @Test
    void measuresDegreeCellsAsTheEllipsoidIntegralDoes() {
        // reference values: the WGS84 area element M·N·cos φ integrated numerically (200,000 steps)
        assertThat(GeoMeasure.areaSquareMetres(rectangle(0, 0, 1, 1)))
                .isCloseTo(12_308_463_894.0, Percentage.withPercentage(1e-7));
        assertThat(GeoMeasure.areaSquareMetres(rectangle(113, 22, 114, 23)))
                .isCloseTo(11_394_287_308.1, Percentage.withPercentage(1e-7));
        assertThat(GeoMeasure.areaSquareMetres(rectangle(113.9, 22.5, 113.9005, 22.51)))
                .isCloseTo(56_970.139, within(0.01));
    }

    @Test
    void areaIgnoresOrientationAndSubtractsHoles() {
        Polygon clockwise = (Polygon) rectangle(113.9, 22.5, 113.91, 22.51).reverse();
        Polygon outer = rectangle(113.9, 22.5, 113.91, 22.51);
        Geometry withHole = FACTORY.createPolygon(outer.getExteriorRing(),
                new org.locationtech.jts.geom.LinearRing[] {rectangle(113.902, 22.502, 113.904, 22.504).getExteriorRing()});
        double hole = GeoMeasure.areaSquareMetres(rectangle(113.902, 22.502, 113.904, 22.504));

        assertThat(GeoMeasure.areaSquareMetres(clockwise)).isEqualTo(GeoMeasure.areaSquareMetres(outer));
        assertThat(GeoMeasure.areaSquareMetres(withHole))
                .isCloseTo(GeoMeasure.areaSquareMetres(outer) - hole, within(1e-6));
        assertThat(GeoMeasure.areaSquareMetres(FACTORY.createPoint(new Coordinate(113.9, 22.5)))).isZero();
    }

    @Test
    void piecesAddUpToTheWholeEvenAlongALongDiagonal() {
        // a 10 km diagonal edge split at its midpoint: straight-edge areas stay additive to the square metre
        Polygon whole = FACTORY.createPolygon(new Coordinate[] {new Coordinate(113.9, 22.5),
                new Coordinate(114.0, 22.6), new Coordinate(113.9, 22.6), new Coordinate(113.9, 22.5)});
        Polygon lower = FACTORY.createPolygon(new Coordinate[] {new Coordinate(113.9, 22.5),
                new Coordinate(113.95, 22.55), new Coordinate(113.9, 22.55), new Coordinate(113.9, 22.5)});
        Polygon upper = FACTORY.createPolygon(new Coordinate[] {new Coordinate(113.9, 22.55),
                new Coordinate(113.95, 22.55), new Coordinate(114.0, 22.6), new Coordinate(113.9, 22.6),
                new Coordinate(113.9, 22.55)});

        assertThat(GeoMeasure.areaSquareMetres(lower) + GeoMeasure.areaSquareMetres(upper))
                .isCloseTo(GeoMeasure.areaSquareMetres(whole), within(0.01));
    }

    @Test
    void measuresDistancesAndConvertsMetresToDegrees() {
        // one degree on WGS84: 110,574 m of latitude and 111,319 m of longitude at the equator
        assertThat(GeoMeasure.distanceMetres(new Coordinate(0, -0.5), new Coordinate(0, 0.5)))
                .isCloseTo(110_574, within(2.0));
        assertThat(GeoMeasure.distanceMetres(new Coordinate(0, 0), new Coordinate(1, 0)))
                .isCloseTo(111_319.5, within(1.0));
        assertThat(GeoMeasure.metresToDegreesLatitude(110_574, 0)).isCloseTo(1.0, within(2e-5));
        assertThat(GeoMeasure.metresToDegreesLongitude(111_319.5, 0)).isCloseTo(1.0, within(1e-5));
        // at 22.5° a degree of longitude is shorter than one of latitude, so it is the safe envelope margin
        assertThat(GeoMeasure.metresToDegrees(100, 22.5))
                .isEqualTo(GeoMeasure.metresToDegreesLongitude(100, 22.5))
                .isGreaterThan(GeoMeasure.metresToDegreesLatitude(100, 22.5));
    }
}
