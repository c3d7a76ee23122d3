package city.gridcommand.sim;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The irregular outline of the demo district 440305, around Shenzhen Nanshan (lon 113.88–114.00, lat
 * 22.48–22.58): an oval whose radius wanders by a few smooth waves, so the shore and borders bend
 * without folding back on themselves (a star-shaped ring is always simple, hence valid).
 */
final class DistrictOutline {

    static final double CENTRE_LON = 113.94;
    static final double CENTRE_LAT = 22.53;
    /** Semi-axes in degrees: with the waves below, the outline stays inside the box named above. */
    private static final double RADIUS_LON = 0.047;
    private static final double RADIUS_LAT = 0.039;
    private static final int VERTICES = 120;
    private static final int[] WAVES = {2, 3, 5, 9};
    private static final double[] WAVE_AMPLITUDES = {0.10, 0.07, 0.04, 0.02};

    private DistrictOutline() {
    }

    static Polygon create(SplittableRandom random) {
        double[] phases = new double[WAVES.length];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = random.nextDouble(0, 2 * Math.PI);
        }
        Coordinate[] ring = new Coordinate[VERTICES + 1];
        for (int i = 0; i < VERTICES; i++) {
            double angle = 2 * Math.PI * i / VERTICES;
            double radius = 1 + random.nextDouble(-0.01, 0.01);
            for (int w = 0; w < WAVES.length; w++) {
                radius += WAVE_AMPLITUDES[w] * Math.sin(WAVES[w] * angle + phases[w]);
            }
            ring[i] = new Coordinate(CENTRE_LON + RADIUS_LON * radius * Math.cos(angle),
                    CENTRE_LAT + RADIUS_LAT * radius * Math.sin(angle));
        }
        ring[VERTICES] = ring[0].copy();
        return Polygons.FACTORY.createPolygon(ring);
    }
}
