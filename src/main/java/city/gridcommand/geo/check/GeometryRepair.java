package city.gridcommand.geo.check;

import java.util.List;

/**
 * What repairing one feature's geometry did, or would have done: the fault JTS found first
 * ({@code IsValidOp}'s message and where, [lon, lat]), the areas on the ellipsoid before (the rings as
 * drawn) and after, and whether the repair was accepted (its area change within the allowed share).
 *
 * @param feature the feature's position in the FeatureCollection (0-based)
 * @param code the cell's code
 * @param fault the first OGC rule broken, as JTS says it ("Self-intersection", "Ring Self-intersection",
 *        "Hole lies outside shell", …)
 * @param at where, as [lon, lat]; empty when JTS gives no position
 * @param areaBeforeSquareMetres the area the rings enclose as drawn (a crossing ring's lobes count
 *        with their turning direction, as the shoelace formula counts them)
 * @param areaAfterSquareMetres the area of the repaired geometry
 * @param areaChangeSquareMetres after less before
 * @param areaChangePercent the change as a percentage of the area before; null when that area is zero
 * @param polygons how many polygons the repaired geometry has (a figure-8 ring becomes two)
 * @param accepted true when the repair is applied; false when it changes the area too much
 * @param detail the same, in a sentence
 */
public record GeometryRepair(int feature, String code, String fault, List<Double> at, double areaBeforeSquareMetres,
        double areaAfterSquareMetres, double areaChangeSquareMetres, Double areaChangePercent, int polygons,
        boolean accepted, String detail) {

    public GeometryRepair {
        at = List.copyOf(at);
    }
}
