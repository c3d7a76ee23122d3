package city.gridcommand.grid;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How large a grid import may be and how far a repair may go ({@code grid.import.*}, e.g.
 * GRID_IMPORT_MAX_FEATURES). The defaults take a city of 100,000 base cells (about 50 MB of GeoJSON)
 * with room to spare, and keep one import within the heap of a 1 GiB pod.
 */
@ConfigMapping(prefix = "grid.import")
public interface GridImportSettings {

    /**
     * Largest body of {@code PUT /api/v1/grids}; a larger one is refused with 413 before it is read. It
     * is also the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}), so every other
     * endpoint's smaller limit ({@code grid.api.max-body-size}) fits under it. Default 128M.
     */
    @WithDefault("128M")
    MemorySize maxBodySize();

    /** Most features in one import; the reader stops at the next and answers 413. Default 200000. */
    @WithDefault("200000")
    int maxFeatures();

    /**
     * Most positions over every geometry of one import (a ring's closing position counts); the reader
     * stops at the next and answers 413. Default 5000000: 25 per feature at the feature limit, about
     * 230 MB as cells (the demo city of 100,000 base cells has 680,000).
     */
    @WithDefault("5000000")
    long maxVertices();

    /**
     * Most positions in one feature's geometry; the reader stops at the next and answers 413, naming the
     * feature. A feature is read as a JSON tree before it becomes a cell, at about 160 bytes a position,
     * so this bounds that tree. Default 100000 (a detailed district boundary has a few thousand).
     */
    @WithDefault("100000")
    int maxFeatureVertices();

    /**
     * The share of a cell's area that a repair ({@code PUT /api/v1/grids?repair=true}) may change it by;
     * a repair changing more is refused, naming the feature. Default 0.01 (1%).
     */
    @WithDefault("0.01")
    double maxRepairAreaChange();
}
