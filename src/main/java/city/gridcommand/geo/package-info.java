/**
 * The map: cells ({@code Cell}, with their level and kind), a whole {@code Grid}, where a point lies
 * ({@code CellLocation}: base cell, its path from the district, special and overlay cells) and
 * ellipsoidal measures ({@code GeoMeasure}). Plain Java and JTS.
 *
 * <p>Depends on {@code signal} only. Its sub-packages: {@code geo.index} (the spatial index),
 * {@code geo.check} (the checks of an imported grid), {@code geo.geojson} (GeoJSON in and out).
 */
package city.gridcommand.geo;
