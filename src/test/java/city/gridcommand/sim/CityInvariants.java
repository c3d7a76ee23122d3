package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The properties the grid import checks (GridValidator, written elsewhere), asserted directly with JTS: valid
 * (Multi)Polygons, codes that fit their level and parent, base cells that do not overlap, children inside
 * their parent, each level of the base hierarchy covering its parent.
 */
final class CityInvariants {

    /** The import's tolerance for overlaps and for a child sticking out of its parent. */
    static final double TOLERANCE_M2 = 1.0;

    /**
     * Square metres per square degree at the district's latitude. One scale for every cell, so that the
     * areas of children add up exactly as their degree areas do.
     */
    private static final double SQUARE_METRES_PER_SQUARE_DEGREE = Polygons.METRES_PER_DEGREE_LAT
            * Polygons.metresPerDegreeLon(DistrictOutline.CENTRE_LAT);

    private CityInvariants() {
    }

    static double squareMetres(Geometry geometry) {
        return geometry.getArea() * SQUARE_METRES_PER_SQUARE_DEGREE;
    }

    static void assertAll(DemoCity city) {
        assertAll(city.cells());
    }

    static void assertAll(List<Cell> cells) {
        Map<String, Cell> byCode = new HashMap<>();
        for (Cell cell : cells) {
            assertThat(byCode.put(cell.code(), cell)).as("duplicate code %s", cell.code()).isNull();
        }
        for (Cell cell : cells) {
            assertValidGeometry(cell);
            assertCode(cell, byCode);
            if (cell.parent() != null) {
                assertInside(cell, byCode.get(cell.parent()));
            }
        }
        assertNoOverlaps(cells.stream().filter(Cell::isBaseCell).toList());
        assertLevelsCoverParents(cells, byCode);
    }

    static void assertValidGeometry(Cell cell) {
        Geometry geometry = cell.geometry();
        assertThat(geometry.getGeometryType()).as(cell.code()).isIn(Geometry.TYPENAME_POLYGON,
                Geometry.TYPENAME_MULTIPOLYGON);
        assertThat(geometry.isEmpty()).as(cell.code() + " empty").isFalse();
        IsValidOp validity = new IsValidOp(geometry);
        assertThat(validity.isValid()).as(cell.code() + ": " + validity.getValidationError()).isTrue();
    }

    private static void assertCode(Cell cell, Map<String, Cell> byCode) {
        String code = cell.code();
        assertThat(code).as("digits").matches("\\d+");
        if (cell.parent() == null) {
            assertThat(cell.level()).isEqualTo(CellLevel.DISTRICT);
            assertThat(code).hasSize(6);
            return;
        }
        Cell parent = byCode.get(cell.parent());
        assertThat(parent).as("parent of %s", code).isNotNull();
        assertThat(code).as("%s under %s", code, parent.code()).startsWith(parent.code());
        assertThat(code).as("length of %s", code).hasSize(cell.level().codeLength());
        assertThat(code.length()).isEqualTo(parent.code().length() + 3);
        assertThat(parent.kind()).isEqualTo(CellKind.BASE);
        String own = code.substring(parent.code().length());
        switch (cell.kind()) {
            case BASE -> {
                assertThat(parent.level().ordinal()).isEqualTo(cell.level().ordinal() - 1);
                assertThat(own).isBetween("001", "799");
            }
            case SPECIAL -> {
                assertThat(cell.level()).isEqualTo(CellLevel.GRID);
                assertThat(parent.level()).isEqualTo(CellLevel.COMMUNITY);
                assertThat(own).startsWith("9");
            }
            case OVERLAY -> {
                assertThat(cell.level()).isEqualTo(CellLevel.STREET);
                assertThat(own).startsWith("8");
            }
        }
    }

    private static void assertInside(Cell child, Cell parent) {
        Geometry outside = OverlayNGRobust.overlay(child.geometry(), parent.geometry(), OverlayNG.DIFFERENCE);
        assertThat(squareMetres(outside)).as("%s outside %s (m²)", child.code(), parent.code())
                .isLessThan(TOLERANCE_M2);
    }

    private static void assertNoOverlaps(List<Cell> baseCells) {
        STRtree index = new STRtree();
        baseCells.forEach(cell -> index.insert(cell.geometry().getEnvelopeInternal(), cell));
        for (Cell cell : baseCells) {
            for (Object found : index.query(cell.geometry().getEnvelopeInternal())) {
                Cell other = (Cell) found;
                if (other.code().compareTo(cell.code()) > 0) {
                    Geometry overlap = OverlayNGRobust.overlay(cell.geometry(), other.geometry(),
                            OverlayNG.INTERSECTION);
                    assertThat(squareMetres(overlap)).as("%s overlaps %s (m²)", cell.code(), other.code())
                            .isLessThan(TOLERANCE_M2);
                }
            }
        }
    }

    /** Children's areas add up to the parent's: with no overlaps, this means no gaps either. */
    private static void assertLevelsCoverParents(List<Cell> cells, Map<String, Cell> byCode) {
        Map<String, Double> childArea = new HashMap<>();
        Map<String, Double> beatArea = new HashMap<>();
        for (Cell cell : cells) {
            if (cell.parent() != null && cell.kind() != CellKind.SPECIAL) {
                Map<String, Double> sums = cell.kind() == CellKind.BASE ? childArea : beatArea;
                sums.merge(cell.parent(), squareMetres(cell.geometry()), Double::sum);
            }
        }
        childArea.forEach((parent, sum) -> assertThat(sum).as("children of %s (m²)", parent)
                .isCloseTo(squareMetres(byCode.get(parent).geometry()),
                        Offset.offset(TOLERANCE_M2)));
        beatArea.forEach((parent, sum) -> assertThat(sum).as("police beats (m²)")
                .isCloseTo(squareMetres(byCode.get(parent).geometry()),
                        Offset.offset(TOLERANCE_M2)));
    }
}
