package city.gridcommand.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a community's base cells into contiguous regions of about equal size, one per grid worker: the
 * regions grow from spread-out starting cells, one cell per region in turn, each only into cells touching
 * it. A part of the community that touches none of them (a community cut in two by a bay) goes whole to the
 * smallest region: contiguity cannot hold there, and a whole part is the next best thing.
 */
final class CellRegions {

    private CellRegions() {
    }

    /** {@code regions} lists of codes (each ascending) that together hold every cell once. */
    static List<List<String>> split(List<String> cells, int regions, CellAdjacency adjacency) {
        Set<String> within = new HashSet<>(cells);
        Set<String> owned = new HashSet<>(cells.size() * 2);
        List<List<String>> result = new ArrayList<>(regions);
        List<Deque<String>> frontiers = new ArrayList<>(regions);
        for (int r = 0; r < regions; r++) {
            result.add(new ArrayList<>());
            // Cells are in serpentine order: the middle of each r-th slice of the list is spread over the
            // community, and growing both ways from there keeps regions even.
            frontiers.add(new ArrayDeque<>(List.of(cells.get((2 * r + 1) * cells.size() / (2 * regions)))));
        }
        grow(frontiers, owned, result, within, adjacency);
        for (String cell : cells) {
            if (!owned.contains(cell)) {
                int smallest = smallest(result);
                Deque<String> frontier = new ArrayDeque<>(List.of(cell));
                grow(List.of(frontier), owned, List.of(result.get(smallest)), within, adjacency);
            }
        }
        result.forEach(Collections::sort);
        return result;
    }

    /** Round-robin breadth-first growth: each region claims one unowned cell from its frontier per turn. */
    private static void grow(List<Deque<String>> frontiers, Set<String> owned, List<List<String>> regions,
            Set<String> within, CellAdjacency adjacency) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int r = 0; r < frontiers.size(); r++) {
                String claimed = claimNext(frontiers.get(r), owned);
                if (claimed == null) {
                    continue;
                }
                owned.add(claimed);
                regions.get(r).add(claimed);
                for (String neighbour : adjacency.neighbours(claimed)) {
                    if (within.contains(neighbour) && !owned.contains(neighbour)) {
                        frontiers.get(r).add(neighbour);
                    }
                }
                grew = true;
            }
        }
    }

    private static String claimNext(Deque<String> frontier, Set<String> owned) {
        while (!frontier.isEmpty()) {
            String next = frontier.poll();
            if (!owned.contains(next)) {
                return next;
            }
        }
        return null;
    }

    private static int smallest(List<List<String>> regions) {
        int smallest = 0;
        for (int r = 1; r < regions.size(); r++) {
            if (regions.get(r).size() < regions.get(smallest).size()) {
                smallest = r;
            }
        }
        return smallest;
    }
}
