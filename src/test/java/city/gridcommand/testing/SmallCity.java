package city.gridcommand.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny city as GeoJSON for API tests: district 440305 (lon 114.00-114.04, lat 22.50-22.52), two
 * streets each with one community of two base cells side by side, a school (special cell) in the first
 * base cell and a police beat (overlay) across the middle. {@code split} moves the border between the
 * first two base cells (114.01 in the standard city) so a second version can re-locate devices.
 */
public final class SmallCity {

    public static final String DISTRICT = "440305";
    public static final String WEST_CELL = "440305001001001";
    public static final String MIDDLE_WEST_CELL = "440305001001002";
    public static final String EAST_CELL = "440305002001002";
    public static final String CELL_3 = "440305002001001";
    public static final String SCHOOL = "440305001001901";
    public static final String BEAT = "440305801";
    /** The four base cells, west to east, each with a point inside it clear of the school: {lat, lon}. */
    public static final Map<String, double[]> BASE_CELL_POINTS = basePoints();

    private SmallCity() {
    }

    private static Map<String, double[]> basePoints() {
        Map<String, double[]> points = new LinkedHashMap<>();
        points.put(WEST_CELL, new double[] {22.515, 114.003});
        points.put(MIDDLE_WEST_CELL, new double[] {22.515, 114.015});
        points.put(CELL_3, new double[] {22.515, 114.025});
        points.put(EAST_CELL, new double[] {22.515, 114.035});
        return Collections.unmodifiableMap(points);
    }

    public static String geoJson() {
        return geoJson(114.01);
    }

    public static String geoJson(double split) {
        List<String> f = new ArrayList<>();
        f.add(feature("440305", "Nanshan", "district", "base", null, box(114.00, 22.50, 114.04, 22.52)));
        f.add(feature("440305001", "Street one", "street", "base", "440305", box(114.00, 22.50, 114.02, 22.52)));
        f.add(feature("440305002", "Street two", "street", "base", "440305", box(114.02, 22.50, 114.04, 22.52)));
        f.add(feature("440305001001", "Community one", "community", "base", "440305001",
                box(114.00, 22.50, 114.02, 22.52)));
        f.add(feature("440305002001", "Community two", "community", "base", "440305002",
                box(114.02, 22.50, 114.04, 22.52)));
        f.add(feature(WEST_CELL, "Cell 1", "grid", "base", "440305001001", box(114.00, 22.50, split, 22.52)));
        f.add(feature(MIDDLE_WEST_CELL, "Cell 2", "grid", "base", "440305001001", box(split, 22.50, 114.02, 22.52)));
        f.add(feature("440305002001001", "Cell 3", "grid", "base", "440305002001", box(114.02, 22.50, 114.03, 22.52)));
        f.add(feature(EAST_CELL, "Cell 4", "grid", "base", "440305002001", box(114.03, 22.50, 114.04, 22.52)));
        f.add(feature(SCHOOL, "School", "grid", "special", "440305001001", box(114.005, 22.505, 114.007, 22.507)));
        f.add(feature(BEAT, "Beat 1", "street", "overlay", "440305", box(114.015, 22.50, 114.025, 22.52)));
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", f) + "]}";
    }

    /** The standard city plus a base cell overlapping cell 4 by half (feature index 11). */
    public static String withOverlap() {
        String city = geoJson();
        String extra = feature("440305002001003", "Overlapping", "grid", "base", "440305002001",
                box(114.035, 22.50, 114.04, 22.52));
        return city.substring(0, city.length() - 2) + "," + extra + "]}";
    }

    static String feature(String code, String name, String level, String kind, String parent, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\""
                + level + "\",\"kind\":\"" + kind + "\",\"parent\":" + (parent == null ? "null" : "\"" + parent + "\"")
                + ",\"households\":400},\"geometry\":" + geometry + "}";
    }

    static String box(double west, double south, double east, double north) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }
}
