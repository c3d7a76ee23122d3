package city.gridcommand.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Cuts an area into irregular parts that tile it exactly: the Voronoi diagram of well-spread random seeds,
 * each cell clipped to the area. Parts come in serpentine order (north to south in bands, alternately west
 * to east and back), so consecutive codes are neighbours, as on a real grid map.
 */
final class VoronoiPartition {

    /** Candidates tried per seed: the one farthest from the seeds so far wins (Mitchell's best candidate). */
    private static final int CANDIDATES = 8;

    private VoronoiPartition() {
    }

    /** {@code parts} non-empty parts of {@code area}, in serpentine order. */
    static List<Geometry> partition(Geometry area, int parts, SplittableRandom random) {
        if (parts == 1) {
            return List.of(area.copy());
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        List<Coordinate> seeds = serpentine(spreadSeeds(prepared, parts, random), area.getEnvelopeInternal());
        Map<Coordinate, Geometry> cellBySeed = voronoiCells(seeds, area.getEnvelopeInternal());
        List<Geometry> result = new ArrayList<>(parts);
        for (Coordinate seed : seeds) {
            Geometry cell = cellBySeed.get(seed);
            // Most cells lie wholly inside: keeping them untouched keeps their shared edges bit-identical.
            result.add(prepared.containsProperly(cell) ? cell : Polygons.clip(cell, area));
        }
        return result;
    }

    private static Map<Coordinate, Geometry> voronoiCells(List<Coordinate> seeds, Envelope envelope) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(envelope);
        clip.expandBy(envelope.getWidth() * 0.1, envelope.getHeight() * 0.1);
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(Polygons.FACTORY);
        Map<Coordinate, Geometry> cellBySeed = new HashMap<>(seeds.size() * 2);
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            cellBySeed.put((Coordinate) cell.getUserData(), cell);
            cell.setUserData(null);
        }
        return cellBySeed;
    }

    /** Random seeds strictly inside the area, spread out so the cells come out of similar size. */
    static List<Coordinate> spreadSeeds(PreparedGeometry area, int count, SplittableRandom random) {
        double lonScale = Polygons.metresPerDegreeLon(area.getGeometry().getEnvelopeInternal().centre().y)
                / Polygons.METRES_PER_DEGREE_LAT;
        List<Coordinate> seeds = new ArrayList<>(count);
        while (seeds.size() < count) {
            Coordinate best = null;
            double bestDistance = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                Coordinate candidate = Polygons.randomPointInside(area, random);
                double distance = nearestSquared(candidate, seeds, lonScale);
                if (distance > bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            if (bestDistance != 0) { // a repeated point would merge two Voronoi sites into one
                seeds.add(best);
            }
        }
        return seeds;
    }

    private static double nearestSquared(Coordinate point, List<Coordinate> seeds, double lonScale) {
        double nearest = Double.MAX_VALUE;
        for (Coordinate seed : seeds) {
            double dx = (point.x - seed.x) * lonScale;
            double dy = point.y - seed.y;
            nearest = Math.min(nearest, dx * dx + dy * dy);
        }
        return nearest;
    }

    private static List<Coordinate> serpentine(List<Coordinate> seeds, Envelope envelope) {
        int bands = Math.max(1, (int) Math.round(Math.sqrt(seeds.size())));
        double bandHeight = envelope.getHeight() / bands;
        Comparator<Coordinate> order = Comparator.comparingInt(c -> band(c, envelope, bandHeight, bands));
        order = order.thenComparingDouble(c -> band(c, envelope, bandHeight, bands) % 2 == 0 ? c.x : -c.x);
        List<Coordinate> sorted = new ArrayList<>(seeds);
        sorted.sort(order);
        return sorted;
    }

    private static int band(Coordinate c, Envelope envelope, double bandHeight, int bands) {
        return Math.min(bands - 1, (int) ((envelope.getMaxY() - c.y) / bandHeight));
    }
}
