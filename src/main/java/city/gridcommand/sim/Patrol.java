package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Someone walking a patrol through the base cells of their area: a stop somewhere inside a cell, a pause
 * to look around, then on to the least visited neighbouring cell of the area, crossing into it through the
 * edge both share (so the walk stays inside the area). An area in several separate pieces is left by bus:
 * the walker reappears at a stop in another piece.
 */
final class Patrol {

    static final long MIN_PAUSE_MILLIS = 30_000;
    static final long MAX_PAUSE_MILLIS = 180_000;

    private final Map<String, Cell> area = new LinkedHashMap<>();
    private final List<String> codes;
    private final CellAdjacency adjacency;
    private final SplittableRandom random;
    private final double metresPerSecond;
    private final Map<String, Integer> visits = new HashMap<>();
    private final Map<String, PreparedGeometry> prepared = new HashMap<>();
    private final Deque<Coordinate> path = new ArrayDeque<>();
    private String cell;
    private Coordinate position;
    private long pauseLeft;

    Patrol(List<Cell> cells, CellAdjacency adjacency, SplittableRandom random) {
        cells.forEach(c -> area.put(c.code(), c));
        this.codes = List.copyOf(area.keySet());
        this.adjacency = adjacency;
        this.random = random;
        this.metresPerSecond = random.nextDouble(0.9, 1.4); // a patrolling walk, slower than a commute
        this.cell = codes.get(random.nextInt(codes.size()));
        this.position = randomPointIn(cell);
        this.pauseLeft = random.nextLong(MAX_PAUSE_MILLIS);
        visits.put(cell, 1);
    }

    /** Where the walker is now (x = lon, y = lat). */
    Coordinate position() {
        return position;
    }

    /** Walks on for {@code millis} of simulated time. */
    void advance(long millis) {
        long left = millis;
        while (left > 0) {
            if (pauseLeft > 0) {
                long paused = Math.min(pauseLeft, left);
                pauseLeft -= paused;
                left -= paused;
            } else if (path.isEmpty()) {
                planNextLeg();
            } else {
                left = walkToward(path.peek(), left);
            }
        }
    }

    /** Walks toward the next waypoint; returns the time left once there (0 if not reached). */
    private long walkToward(Coordinate target, long millis) {
        double distance = Polygons.metres(position, target);
        double reach = metresPerSecond * millis / 1000.0;
        if (distance > reach) {
            double share = reach / distance;
            position = new Coordinate(position.x + (target.x - position.x) * share,
                    position.y + (target.y - position.y) * share);
            return 0;
        }
        position = path.poll();
        if (path.isEmpty()) {
            pauseLeft = random.nextLong(MIN_PAUSE_MILLIS, MAX_PAUSE_MILLIS + 1);
        }
        return Math.max(0, millis - (long) Math.ceil(distance / metresPerSecond * 1000));
    }

    private void planNextLeg() {
        List<String> options = new ArrayList<>();
        for (String neighbour : adjacency.neighbours(cell)) {
            if (area.containsKey(neighbour)) {
                options.add(neighbour);
            }
        }
        if (options.isEmpty() && codes.size() > 1) {
            cell = codes.get(random.nextInt(codes.size()));
            position = randomPointIn(cell);
            pauseLeft = random.nextLong(MIN_PAUSE_MILLIS, MAX_PAUSE_MILLIS + 1);
            return;
        }
        String next = options.isEmpty() ? cell : leastVisited(options);
        if (!next.equals(cell)) {
            path.add(SharedEdges.crossing(area.get(cell).geometry(), area.get(next).geometry()));
        }
        path.add(randomPointIn(next));
        visits.merge(next, 1, Integer::sum);
        cell = next;
    }

    private String leastVisited(List<String> options) {
        int fewest = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>();
        for (String option : options) {
            int count = visits.getOrDefault(option, 0);
            if (count < fewest) {
                fewest = count;
                candidates.clear();
            }
            if (count == fewest) {
                candidates.add(option);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private Coordinate randomPointIn(String code) {
        PreparedGeometry geometry = prepared.computeIfAbsent(code,
                c -> PreparedGeometryFactory.prepare(area.get(c).geometry()));
        return Polygons.randomPointInside(geometry, random);
    }
}
