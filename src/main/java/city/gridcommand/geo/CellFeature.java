package city.gridcommand.geo;

/** A cell as read from an import, with its position in the FeatureCollection (0-based). */
public record CellFeature(int feature, Cell cell) {
}
