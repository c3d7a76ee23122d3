package city.gridcommand.grid;

import city.gridcommand.geo.Grid;
import city.gridcommand.geo.geojson.DisplayFeatureWriter;
import city.gridcommand.locate.LiveGrid;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A cell's children as a map draws them ({@link DisplayFeatureWriter}), from the grid in force, kept per
 * (grid version, cell, tolerance): a command screen opens the same scopes again and again, and simplifying
 * a few hundred polygons is the costly part. The last {@value #CAPACITY} answers are kept, least recently
 * used dropped first; a new grid version misses them all, so they age out.
 */
@ApplicationScoped
public class CellDisplay {

    static final int CAPACITY = 512;

    /** What one answer is kept under. */
    private record Key(long version, String code, double tolerance) {
    }

    private final LiveGrid liveGrid;
    private final DisplayFeatureWriter writer = new DisplayFeatureWriter();
    private final Map<Key, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };

    CellDisplay(LiveGrid liveGrid) {
        this.liveGrid = liveGrid;
    }

    /**
     * The children of the cell as a GeoJSON FeatureCollection, simplified at {@code tolerance} degrees;
     * empty when the grid in force has no such cell.
     */
    public Optional<byte[]> children(String code, double tolerance) {
        Grid grid = liveGrid.snapshot().grid();
        if (grid.cell(code) == null) {
            return Optional.empty();
        }
        Key key = new Key(grid.version(), code, tolerance);
        byte[] kept;
        synchronized (cache) {
            kept = cache.get(key);
        }
        if (kept != null) {
            return Optional.of(kept);
        }
        byte[] made = writer.children(grid, code, tolerance);
        synchronized (cache) {
            cache.put(key, made);
        }
        return Optional.of(made);
    }
}
