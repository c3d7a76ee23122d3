/**
 * The spatial index that puts a point in its cells without a point-in-polygon test for most points:
 * top-level buckets refined into small trees over a raster of the grid, edges and star rays for the
 * leaves that need them ({@code CellIndex} is the entry). Agrees with a brute-force {@code covers} scan.
 *
 * <p>Depends on {@code geo}.
 */
package city.gridcommand.geo.index;
