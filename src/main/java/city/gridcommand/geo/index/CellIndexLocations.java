package city.gridcommand.geo.index;

import city.gridcommand.geo.CellLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct answers a {@link CellIndex} can give, each built once and shared: every leaf of the index
 * refers to them by number. A location is kept as the sorted cells it reports: its base cell (only the
 * lowest-coded one that covers) then its special and overlay cells.
 */
final class CellIndexLocations {

    /** The number of {@link CellLocation#OUTSIDE}. */
    static final int OUTSIDE = 0;

    private final CellIndexCells cells;
    private final List<CellLocation> locations = new ArrayList<>();
    private final List<int[]> members = new ArrayList<>();
    private final Map<Key, Integer> numbers = new HashMap<>();
    /** By cell: the location of a base cell alone (no special, no overlay), -1 for other cells. */
    final int[] soleLocation;

    CellIndexLocations(CellIndexCells cells) {
        this.cells = cells;
        intern(new int[0]);
        soleLocation = new int[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            soleLocation[c] = cells.isBase(c) ? intern(new int[] {c}) : -1;
        }
    }

    int size() {
        return locations.size();
    }

    CellLocation[] toArray() {
        return locations.toArray(new CellLocation[0]);
    }

    /**
     * The location of a point that lies on no cell's boundary: the cells known to cover it, and those of
     * the uncertain ones that do (both in ascending order; any other cell must not cover the point).
     */
    int sample(double x, double y, int[] known, int[] uncertain) {
        int[] covering = new int[uncertain.length];
        int count = 0;
        for (int c : uncertain) {
            if (cells.covers(c, x, y)) {
                covering[count++] = c;
            }
        }
        return intern(merge(known, known.length, covering, count));
    }

    /** The sorted, duplicate-free union of the first {@code m} of {@code a} and the first {@code n} of {@code b}. */
    static int[] merge(int[] a, int m, int[] b, int n) {
        int[] merged = new int[m + n];
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < m || j < n) {
            int next = j == n || (i < m && a[i] <= b[j]) ? a[i++] : b[j++];
            if (count == 0 || merged[count - 1] != next) {
                merged[count++] = next;
            }
        }
        return count == merged.length ? merged : Arrays.copyOf(merged, count);
    }

    /**
     * The location of a point on a boundary between regions of locations {@code a} and {@code b}: a closed
     * cell covers the boundary if it covers either side, so the lower base cell and all the others.
     */
    int union(int a, int b) {
        int[] first = members.get(a);
        int[] second = members.get(b);
        return intern(merge(first, first.length, second, second.length));
    }

    /** The number of the location reporting these covering cells (ascending), creating it if new. */
    int intern(int[] covering) {
        int[] reported = reported(covering);
        return numbers.computeIfAbsent(new Key(reported), key -> {
            members.add(reported);
            locations.add(locationOf(reported));
            return locations.size() - 1;
        });
    }

    /** Drops every base cell but the first (lowest code): only the winner is reported. */
    private int[] reported(int[] covering) {
        int[] kept = new int[covering.length];
        int count = 0;
        boolean baseSeen = false;
        for (int c : covering) {
            if (cells.isBase(c)) {
                if (baseSeen) {
                    continue;
                }
                baseSeen = true;
            }
            kept[count++] = c;
        }
        return Arrays.copyOf(kept, count);
    }

    private CellLocation locationOf(int[] reported) {
        if (reported.length == 0) {
            return CellLocation.OUTSIDE;
        }
        String base = null;
        List<String> special = new ArrayList<>();
        List<String> overlay = new ArrayList<>();
        for (int c : reported) {
            switch (cells.kinds[c]) {
                case CellIndexCells.BASE -> base = cells.codes[c];
                case CellIndexCells.SPECIAL -> special.add(cells.codes[c]);
                default -> overlay.add(cells.codes[c]);
            }
        }
        List<String> path = base == null ? List.of() : cells.grid.path(base);
        return new CellLocation(base, path, special, overlay);
    }

    /** An int array compared by content, as a map key. */
    private record Key(int[] cells) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(cells, key.cells);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cells);
        }

        @Override
        public String toString() {
            return Arrays.toString(cells);
        }
    }
}
