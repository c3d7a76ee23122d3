package city.gridcommand.geo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Invalid rings as boundary data from public sources has them, on {@link GridFixture#smallGrid}'s two
 * base cells (west 113.900–113.905, east 113.905–113.910, both 22.50–22.51; features 3 and 4):
 *
 * <ul>
 * <li>a corner twisted: two vertices near the west cell's north-east corner in the wrong order, so the
 * ring crosses itself there (a small bow-tie; JTS: Self-intersection);
 * <li>a pocket closed by quantisation: the east cell's ring runs down its west side into a tiny inlet
 * whose mouth has snapped to one vertex, so the ring touches itself there (JTS: Ring Self-intersection);
 * <li>a bow-tie proper: the east cell drawn as a figure 8, symmetric (its lobes cancel: no area as drawn)
 * or lopsided (a lobe of a twelfth of the cell).
 * </ul>
 */
public final class RepairCases {

    public static final double WEST = 113.900;
    public static final double MIDDLE = 113.905;
    public static final double EAST = 113.910;
    public static final double SOUTH = 22.50;
    public static final double NORTH = 22.51;
    /** Half a metre: the size of a quantisation step in boundary data. */
    public static final double STEP = 5e-6;
    /** Where the east cell's pocket is pinched shut. */
    public static final double POCKET_LAT = 22.505;

    private RepairCases() {
    }

    /** The small grid with the west cell's corner twisted. */
    public static ObjectNode twistedCorner() {
        ObjectNode grid = GridFixture.smallGrid(MIDDLE, EAST);
        GridFixture.feature(grid, "440305001001001").set("geometry", GridFixture.polygon(new double[][] {
            {WEST, SOUTH}, {MIDDLE, SOUTH}, {MIDDLE, NORTH - 2 * STEP}, {MIDDLE - STEP, NORTH}, {MIDDLE, NORTH - STEP},
            {MIDDLE - 2 * STEP, NORTH}, {WEST, NORTH}, {WEST, SOUTH}}));
        return grid;
    }

    /** The small grid with the west cell's corner twisted and the east cell's pocket pinched shut. */
    public static ObjectNode twistedCornerAndPinchedPocket() {
        ObjectNode grid = twistedCorner();
        GridFixture.feature(grid, "440305001001002").set("geometry", GridFixture.polygon(new double[][] {
            {MIDDLE, SOUTH}, {EAST, SOUTH}, {EAST, NORTH}, {MIDDLE, NORTH}, {MIDDLE, NORTH}, {MIDDLE, POCKET_LAT},
            {MIDDLE + 2 * STEP, POCKET_LAT + STEP}, {MIDDLE + 2 * STEP, POCKET_LAT - STEP}, {MIDDLE, POCKET_LAT},
            {MIDDLE, SOUTH}}));
        return grid;
    }

    /** The small grid with the east cell a figure 8: symmetric, or with its second lobe a twelfth of the cell. */
    public static ObjectNode bowTie(boolean symmetric) {
        ObjectNode grid = GridFixture.smallGrid(MIDDLE, EAST);
        double top = symmetric ? EAST : MIDDLE + 0.2 * (EAST - MIDDLE);
        GridFixture.feature(grid, "440305001001002").set("geometry", GridFixture.polygon(new double[][] {
            {MIDDLE, SOUTH}, {EAST, SOUTH}, {MIDDLE, NORTH}, {top, NORTH}, {MIDDLE, SOUTH}}));
        return grid;
    }
}
