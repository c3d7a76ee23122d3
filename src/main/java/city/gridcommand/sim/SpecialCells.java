package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Places the special cells (专属网格): schools, hospitals and markets, each a small rotated rectangle wholly
 * inside one community, coded under it from 901 upwards.
 */
final class SpecialCells {

    /** What a special cell is: its name pattern and its size in metres. */
    enum Use {
        SCHOOL("南山区第%d实验学校", 160, 110), HOSPITAL("南山区第%d人民医院", 200, 140), MARKET("第%d农贸市场", 90, 60);

        private final String namePattern;
        private final double lengthMetres;
        private final double widthMetres;

        Use(String namePattern, double lengthMetres, double widthMetres) {
            this.namePattern = namePattern;
            this.lengthMetres = lengthMetres;
            this.widthMetres = widthMetres;
        }
    }

    private static final int PLACEMENT_ATTEMPTS = 200;

    private final List<Cell> communities;
    private final SplittableRandom random;
    private final Map<String, Integer> usedCodes = new HashMap<>();
    private final List<Cell> placed = new ArrayList<>();
    private final Map<String, Use> uses = new HashMap<>();

    private SpecialCells(List<Cell> communities, SplittableRandom random) {
        this.communities = communities;
        this.random = random;
    }

    static SpecialCells place(List<Cell> communities, DemoCityPlan plan, SplittableRandom random) {
        SpecialCells special = new SpecialCells(communities, random);
        special.place(Use.SCHOOL, plan.schools());
        special.place(Use.HOSPITAL, plan.hospitals());
        special.place(Use.MARKET, plan.markets());
        return special;
    }

    List<Cell> cells() {
        return placed;
    }

    Use use(Cell special) {
        return uses.get(special.code());
    }

    private void place(Use use, int count) {
        for (int n = 1; n <= count; n++) {
            for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
                Cell community = communities.get(random.nextInt(communities.size()));
                int number = usedCodes.getOrDefault(community.code(), 900) + 1;
                Polygon shape = tryInside(community.geometry(), use);
                if (shape != null && number <= 999) {
                    usedCodes.put(community.code(), number);
                    Cell cell = new Cell(community.code() + number, String.format(use.namePattern, n), CellLevel.GRID,
                            CellKind.SPECIAL, community.code(), shape, null);
                    placed.add(cell);
                    uses.put(cell.code(), use);
                    break;
                }
            }
        }
    }

    /** A rotated rectangle of the use's size around a random point, if it fits wholly inside the area. */
    private Polygon tryInside(Geometry area, Use use) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        Coordinate centre = Polygons.randomPointInside(prepared, random);
        double angle = random.nextDouble(0, Math.PI);
        double halfLength = use.lengthMetres / 2 * random.nextDouble(0.8, 1.2);
        double halfWidth = use.widthMetres / 2 * random.nextDouble(0.8, 1.2);
        double lonPerMetre = 1 / Polygons.metresPerDegreeLon(centre.y);
        double latPerMetre = 1 / Polygons.METRES_PER_DEGREE_LAT;
        double[][] corners = {{-halfLength, -halfWidth}, {halfLength, -halfWidth}, {halfLength, halfWidth},
            {-halfLength, halfWidth}};
        Coordinate[] ring = new Coordinate[5];
        for (int i = 0; i < 4; i++) {
            double east = corners[i][0] * Math.cos(angle) - corners[i][1] * Math.sin(angle);
            double north = corners[i][0] * Math.sin(angle) + corners[i][1] * Math.cos(angle);
            ring[i] = new Coordinate(centre.x + east * lonPerMetre, centre.y + north * latPerMetre);
        }
        ring[4] = ring[0].copy();
        Polygon shape = Polygons.FACTORY.createPolygon(ring);
        return prepared.containsProperly(shape) ? shape : null;
    }
}
