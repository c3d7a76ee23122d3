/**
 * GeoJSON in and out: a FeatureCollection read into cells with every parse problem named by feature,
 * held to {@code GridLimits} while it streams ({@code GeoJsonGridReader}), and the grid written back
 * ({@code GeoJsonGridWriter}).
 *
 * <p>Depends on {@code geo}.
 */
package city.gridcommand.geo.geojson;
