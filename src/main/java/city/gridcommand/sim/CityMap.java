package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Geometry;

/**
 * Lays out the district's cells: the base hierarchy as nested Voronoi partitions (district → streets →
 * communities → base cells), each level tiling its parent, and the police beats laid over the district.
 * Cells come without attributes; the roster adds the people.
 */
final class CityMap {

    static final String DISTRICT_CODE = "440305";
    /** Grid codes 900–999 of a community belong to its special cells. */
    static final int MAX_BASE_CELLS_PER_COMMUNITY = 899;
    private static final String[] STREET_NAMES = {"南头街道", "南山街道", "沙河街道", "蛇口街道", "招商街道", "粤海街道",
        "桃源街道", "西丽街道"};
    private static final String COMMUNITY_FIRST = "南北东西新前后海湾桃沙荔科月麒大白青龙松";
    private static final String COMMUNITY_SECOND = "光园苑湾村山湖岭田塘景华城林庄";

    final Cell district;
    final List<Cell> streets = new ArrayList<>();
    final List<Cell> communities = new ArrayList<>();
    final List<Cell> baseCells = new ArrayList<>();
    final List<Cell> policeBeats = new ArrayList<>();

    private CityMap(Cell district) {
        this.district = district;
    }

    static CityMap lay(DemoCityPlan plan, SplittableRandom random) {
        Geometry outline = DistrictOutline.create(random.split());
        CityMap map = new CityMap(new Cell(DISTRICT_CODE, "南山区", CellLevel.DISTRICT, CellKind.BASE, null, outline,
                null));
        map.layStreets(plan, random.split());
        map.layCommunities(plan, random.split());
        map.layBaseCells(plan, random.split());
        map.layPoliceBeats(plan, random.split());
        return map;
    }

    private void layStreets(DemoCityPlan plan, SplittableRandom random) {
        List<Geometry> parts = VoronoiPartition.partition(district.geometry(), plan.streets(), random);
        for (int i = 0; i < parts.size(); i++) {
            String name = i < STREET_NAMES.length ? STREET_NAMES[i] : "第" + (i + 1) + "街道";
            streets.add(child(district, CellLevel.STREET, i + 1, name, parts.get(i)));
        }
    }

    private void layCommunities(DemoCityPlan plan, SplittableRandom random) {
        for (Cell street : streets) {
            List<Geometry> parts = VoronoiPartition.partition(street.geometry(), plan.communitiesPerStreet(), random);
            for (int i = 0; i < parts.size(); i++) {
                String name = COMMUNITY_FIRST.charAt(random.nextInt(COMMUNITY_FIRST.length()))
                        + "" + COMMUNITY_SECOND.charAt(random.nextInt(COMMUNITY_SECOND.length())) + "社区";
                communities.add(child(street, CellLevel.COMMUNITY, i + 1, name, parts.get(i)));
            }
        }
    }

    private void layBaseCells(DemoCityPlan plan, SplittableRandom random) {
        double[] areas = communities.stream().mapToDouble(c -> c.geometry().getArea()).toArray();
        int[] counts = Allocation.proportional(plan.baseCells(), areas, MAX_BASE_CELLS_PER_COMMUNITY);
        for (int c = 0; c < communities.size(); c++) {
            Cell community = communities.get(c);
            List<Geometry> parts = VoronoiPartition.partition(community.geometry(), counts[c], random);
            for (int i = 0; i < parts.size(); i++) {
                String name = community.name() + "第" + (i + 1) + "网格";
                baseCells.add(child(community, CellLevel.GRID, i + 1, name, parts.get(i)));
            }
        }
    }

    private void layPoliceBeats(DemoCityPlan plan, SplittableRandom random) {
        List<Geometry> parts = VoronoiPartition.partition(district.geometry(), plan.policeBeats(), random);
        for (int i = 0; i < parts.size(); i++) {
            policeBeats.add(new Cell(DISTRICT_CODE + (801 + i), "第" + (i + 1) + "警务区", CellLevel.STREET,
                    CellKind.OVERLAY, DISTRICT_CODE, parts.get(i), null));
        }
    }

    private static Cell child(Cell parent, CellLevel level, int number, String name, Geometry geometry) {
        return new Cell(parent.code() + threeDigits(number), name, level, CellKind.BASE, parent.code(), geometry,
                null);
    }

    static String threeDigits(int number) {
        return String.format("%03d", number);
    }
}
