package city.gridcommand.bench;

import java.util.Random;
import org.locationtech.jts.geom.Envelope;

/**
 * The points a locate benchmark looks up, precomputed so that the timed loop does nothing else: random
 * points over the grid, or the positions of workers on random walks, interleaved as the service would
 * receive them.
 */
record LocateWorkload(String name, double[] lat, double[] lon) {

    /** About 5 m between fixes of a walking worker, in degrees. */
    private static final double STEP = 4.5e-5;

    int size() {
        return lat.length;
    }

    static LocateWorkload random(Envelope extent, int n, long seed) {
        Random random = new Random(seed);
        double[] lat = new double[n];
        double[] lon = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = extent.getMinX() + random.nextDouble() * extent.getWidth();
            lat[i] = extent.getMinY() + random.nextDouble() * extent.getHeight();
        }
        return new LocateWorkload("random points", lat, lon);
    }

    /** {@code workers} walkers, each turning by up to 30° per step; fix k is worker k mod workers's. */
    static LocateWorkload walks(Envelope extent, int n, int workers, long seed) {
        Random random = new Random(seed);
        double[] x = new double[workers];
        double[] y = new double[workers];
        double[] heading = new double[workers];
        for (int w = 0; w < workers; w++) {
            x[w] = extent.getMinX() + random.nextDouble() * extent.getWidth();
            y[w] = extent.getMinY() + random.nextDouble() * extent.getHeight();
            heading[w] = random.nextDouble() * 2 * Math.PI;
        }
        double[] lat = new double[n];
        double[] lon = new double[n];
        for (int i = 0; i < n; i++) {
            int w = i % workers;
            heading[w] += (random.nextDouble() - 0.5) * Math.PI / 3;
            x[w] = reflect(x[w] + STEP * Math.cos(heading[w]), extent.getMinX(), extent.getMaxX());
            y[w] = reflect(y[w] + STEP * Math.sin(heading[w]), extent.getMinY(), extent.getMaxY());
            lon[i] = x[w];
            lat[i] = y[w];
        }
        return new LocateWorkload("random walks (" + workers + " workers)", lat, lon);
    }

    private static double reflect(double v, double min, double max) {
        return v < min ? 2 * min - v : v > max ? 2 * max - v : v;
    }
}
