package city.gridcommand.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * A synthetic city grid for tests and benchmarks: {@code cols × rows} irregular base cells on a
 * {@link SyntheticLattice}, grouped 4×4 into communities, 4×4 communities into streets, all in district
 * 440305, with correct 15-digit codes. Some communities hold a MultiPolygon base cell whose parts touch at
 * a vertex, one whose parts lie apart, a cell with a hole filled by another base cell, a cell with an
 * empty hole (a lake) filled by a special cell, a special cell around a lattice vertex (a school) and one
 * equal to a base cell (a hospital). Overlay cells: police beats tiling the grid in blocks that ignore the
 * communities, a river band crossing it diagonally and reaching beyond it, and a square with a hole.
 */
public final class SyntheticGrid {

    public static final String DISTRICT = "440305";
    private static final int COMMUNITY = 4;
    private static final int STREET = 4;

    private final SyntheticLattice lattice;
    private final Random random;
    private final boolean extras;
    private final List<Cell> cells = new ArrayList<>();

    private SyntheticGrid(int cols, int rows, long seed, boolean extras) {
        this.random = new Random(seed);
        this.lattice = new SyntheticLattice(cols, rows, random);
        this.extras = extras;
    }

    /** The full synthetic grid: base hierarchy, special and overlay cells. */
    public static Grid generate(int cols, int rows, long seed) {
        return new SyntheticGrid(cols, rows, seed, true).build();
    }

    /** Only the base hierarchy, plain jittered cells: no MultiPolygon, hole, special or overlay cell. */
    public static Grid baseOnly(int cols, int rows, long seed) {
        return new SyntheticGrid(cols, rows, seed, false).build();
    }

    private Grid build() {
        int cols = lattice.cols;
        int rows = lattice.rows;
        add(DISTRICT, CellLevel.DISTRICT, CellKind.BASE, null, lattice.block(0, 0, cols, rows));
        int streetSide = COMMUNITY * STREET;
        int street = 0;
        for (int sj = 0; sj < rows; sj += streetSide) {
            for (int si = 0; si < cols; si += streetSide) {
                String code = DISTRICT + three(++street);
                add(code, CellLevel.STREET, CellKind.BASE, DISTRICT,
                        lattice.block(si, sj, Math.min(cols, si + streetSide), Math.min(rows, sj + streetSide)));
                communities(code, si, sj, Math.min(cols, si + streetSide), Math.min(rows, sj + streetSide));
            }
        }
        if (extras) {
            overlays();
        }
        return new Grid(1, cells);
    }

    private void communities(String street, int i0, int j0, int i1, int j1) {
        int community = 0;
        for (int cj = j0; cj < j1; cj += COMMUNITY) {
            for (int ci = i0; ci < i1; ci += COMMUNITY) {
                String code = street + three(++community);
                int ce = Math.min(i1, ci + COMMUNITY);
                int cn = Math.min(j1, cj + COMMUNITY);
                add(code, CellLevel.COMMUNITY, CellKind.BASE, street, lattice.block(ci, cj, ce, cn));
                baseCells(code, ci, cj, ce - ci, cn - cj);
            }
        }
    }

    /** The base cells of one community of w × h lattice cells at (i0, j0), with the odd shapes. */
    private void baseCells(String community, int i0, int j0, int w, int h) {
        boolean full = extras && w == COMMUNITY && h == COMMUNITY;
        double roll = random.nextDouble();
        boolean touching = full && roll < 0.12;          // (0,0)+(1,1): parts share one vertex
        boolean apart = full && roll >= 0.12 && roll < 0.24; // (3,0)+(3,2): parts apart
        boolean filledHole = full && random.nextDouble() < 0.15; // (2,2) holed, hole filled by a base cell
        boolean lake = full && random.nextDouble() < 0.1;    // (1,2) holed, the lake a special cell
        for (int b = 0; b < w * h; b++) {
            int a = b % w;
            int c = b / w;
            Geometry shape = lattice.cell(i0 + a, j0 + c);
            if ((touching && a == 1 && c == 1) || (apart && a == 3 && c == 2)) {
                continue; // merged into another cell
            }
            if (touching && a == 0 && c == 0) {
                shape = multi(shape, lattice.cell(i0 + 1, j0 + 1));
            } else if (apart && a == 3 && c == 0) {
                shape = multi(shape, lattice.cell(i0 + 3, j0 + 2));
            } else if ((filledHole && a == 2 && c == 2) || (lake && a == 1 && c == 2)) {
                shape = holed((Polygon) shape, lattice.shrunk(i0 + a, j0 + c, 0.3));
            }
            add(community + three(b + 1), CellLevel.GRID, CellKind.BASE, community, shape);
        }
        if (filledHole) {
            add(community + "017", CellLevel.GRID, CellKind.BASE, community, island(i0 + 2, j0 + 2));
        }
        if (extras) {
            specials(community, i0, j0, w, h, lake);
        }
    }

    private void specials(String community, int i0, int j0, int w, int h, boolean lake) {
        if (lake) {
            add(community + "901", CellLevel.GRID, CellKind.SPECIAL, community, island(i0 + 1, j0 + 2));
        }
        if (w > 2 && h > 2 && random.nextDouble() < 0.3) {
            add(community + "902", CellLevel.GRID, CellKind.SPECIAL, community, lattice.diamond(i0 + 2, j0 + 2, 0.35));
        }
        if (h == COMMUNITY && random.nextDouble() < 0.15) {
            add(community + "903", CellLevel.GRID, CellKind.SPECIAL, community, lattice.cell(i0, j0 + 3));
        }
    }

    /** Police beats in blocks of at least 7 × 5 cells (at most about 900 of them), then two odd overlays. */
    private void overlays() {
        int cols = lattice.cols;
        int rows = lattice.rows;
        int bw = Math.max(7, (cols + 29) / 30);
        int bh = Math.max(5, (rows + 29) / 30);
        int beat = 0;
        for (int j = 0; j < rows; j += bh) {
            for (int i = 0; i < cols; i += bw) {
                add(DISTRICT + three(++beat), CellLevel.STREET, CellKind.OVERLAY, DISTRICT,
                        lattice.block(i, j, Math.min(cols, i + bw), Math.min(rows, j + bh)));
            }
        }
        double s = SyntheticLattice.SPACING;
        double x0 = SyntheticLattice.ORIGIN_LON - 2 * s;
        double x1 = SyntheticLattice.ORIGIN_LON + (cols + 2) * s;
        double y0 = SyntheticLattice.ORIGIN_LAT + 0.3 * rows * s;
        double y1 = SyntheticLattice.ORIGIN_LAT + 0.6 * rows * s;
        Polygon river = lattice.factory.createPolygon(new Coordinate[] {SyntheticLattice.at(x0, y0),
            SyntheticLattice.at(x1, y1), SyntheticLattice.at(x1, y1 + 1.5 * s), SyntheticLattice.at(x0, y0 + 1.5 * s),
            SyntheticLattice.at(x0, y0)});
        add(DISTRICT + "998", CellLevel.STREET, CellKind.OVERLAY, DISTRICT, river);
        double cx = SyntheticLattice.ORIGIN_LON + cols * s / 2;
        double cy = SyntheticLattice.ORIGIN_LAT + rows * s / 2;
        double r = Math.min(cols, rows) * s / 4;
        add(DISTRICT + "999", CellLevel.STREET, CellKind.OVERLAY, DISTRICT,
                holed(square(cx, cy, r), square(cx + r / 7, cy - r / 5, r / 3).getExteriorRing()));
    }

    private Polygon square(double cx, double cy, double r) {
        return lattice.factory.createPolygon(new Coordinate[] {SyntheticLattice.at(cx - r, cy - r),
            SyntheticLattice.at(cx + r, cy - r), SyntheticLattice.at(cx + r, cy + r),
            SyntheticLattice.at(cx - r, cy + r), SyntheticLattice.at(cx - r, cy - r)});
    }

    private Polygon island(int i, int j) {
        return lattice.factory.createPolygon(lattice.shrunk(i, j, 0.3).getCoordinates());
    }

    private Polygon holed(Polygon shell, LinearRing hole) {
        return lattice.factory.createPolygon(shell.getExteriorRing(), new LinearRing[] {hole});
    }

    private Geometry multi(Geometry a, Geometry b) {
        return lattice.factory.createMultiPolygon(new Polygon[] {(Polygon) a, (Polygon) b});
    }

    private void add(String code, CellLevel level, CellKind kind, String parent, Geometry geometry) {
        cells.add(new Cell(code, code, level, kind, parent, geometry, null));
    }

    private static String three(int n) {
        if (n < 1 || n > 999) {
            throw new IllegalArgumentException("no 3-digit code for " + n);
        }
        return String.format("%03d", n);
    }
}
