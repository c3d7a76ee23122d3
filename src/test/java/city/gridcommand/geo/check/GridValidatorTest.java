package city.gridcommand.geo.check;

import static city.gridcommand.geo.GridFixture.indexOf;
import static city.gridcommand.geo.GridFixture.nanshan;
import static city.gridcommand.geo.GridFixture.properties;
import static city.gridcommand.geo.GridFixture.smallGrid;
import static city.gridcommand.geo.GridFixture.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import city.gridcommand.geo.GridFixture;
import city.gridcommand.geo.GridImport;
import city.gridcommand.geo.GridProblem.Type;
import city.gridcommand.geo.GridProblem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class GridValidatorTest {

    private static final String CELL = "440305001001003";
    private static final String COMMUNITY = "440305001001";
    /** Area of a 0.0005° × 0.01° strip at 22.50–22.51°N: M·N·cos φ integrated numerically. */
    private static final double STRIP = 56_970.14;

    @Test
    void acceptsTheNanshanFixture() {
        GridImport imported = GridFixture.read(nanshan());
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.cells()).hasSize(19);

        GridReport report = new GridValidator().validate(imported);

        assertThat(report.ok()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(new GridValidator().validate(imported.cellList()).ok()).isTrue();
    }

    @Test
    void refusesASelfIntersectingBowtieNamingWhereItCrosses() {
        ObjectNode grid = nanshan();
        GridFixture.feature(grid, CELL).set("geometry", GridFixture.polygon(new double[][] {
            {113.930, 22.520}, {113.932, 22.522}, {113.932, 22.520}, {113.930, 22.522}, {113.930, 22.520}}));

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code)
                .containsExactly(tuple(Type.INVALID_GEOMETRY, indexOf(grid, CELL), CELL));
        assertThat(report.errors().get(0).detail()).startsWith("Self-intersection at [113.9310000, 22.5210000]");
    }

    @Test
    void namesTopologicalFaultsRepairableButNotUnreadableRings() {
        ObjectNode grid = nanshan();
        GridFixture.feature(grid, CELL).set("geometry", GridFixture.polygon(new double[][] {
            {113.930, 22.520}, {113.932, 22.522}, {113.932, 22.520}, {113.930, 22.522}, {113.930, 22.520}}));
        var ring = (com.fasterxml.jackson.databind.node.ArrayNode) GridFixture.feature(grid, "440305001001002")
                .at("/geometry/coordinates/0");
        ring.remove(ring.size() - 1);

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type).containsOnly(Type.INVALID_GEOMETRY).hasSize(2);
        assertThat(report.repairable()).containsExactly(indexOf(grid, CELL));
        assertThat(validate(nanshan()).repairable()).isEmpty();
    }

    @Test
    void refusesAnEmptyCollectionAndOneWithoutBaseCells() {
        GridReport empty = validate(GridFixture.collection());
        GridReport communitiesOnly = validate(GridFixture.collection(
                GridFixture.rectangle("440305", "district", null, null, 113.90, 22.50, 113.91, 22.51),
                GridFixture.rectangle("440305001", "street", null, "440305", 113.90, 22.50, 113.91, 22.51),
                GridFixture.rectangle("440305001901", "community", "special", "440305001", 113.90, 22.50, 113.905,
                        22.51)));

        assertThat(empty.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::detail)
                .containsExactly(tuple(Type.NO_BASE_CELL, null,
                        "the FeatureCollection has no features; a grid needs base cells (level grid, kind base)"));
        assertThat(communitiesOnly.errors()).extracting(GridProblem::type, GridProblem::detail)
                .containsExactly(tuple(Type.NO_BASE_CELL, "none of the 3 features is a base cell (level grid, kind"
                        + " base), so every signal would be outside the grid"));
    }

    @Test
    void doesNotGuessThatBaseCellsAreMissingWhenAFeatureCouldNotBeRead() {
        ObjectNode grid = GridFixture.smallGrid(113.905, 113.91);
        GridFixture.properties(grid, "440305001001001").put("level", "plot");
        GridFixture.properties(grid, "440305001001002").put("level", "plot");

        assertThat(validate(grid).errors()).extracting(GridProblem::type)
                .containsExactly(Type.INVALID_FEATURE, Type.INVALID_FEATURE);
    }

    @Test
    void refusesNestedShellsInAMultiPolygon() {
        ObjectNode grid = nanshan();
        ObjectNode multi = GridFixture.JSON.createObjectNode().put("type", "MultiPolygon");
        multi.putArray("coordinates")
                .add(GridFixture.polygon(square(113.930, 22.520, 0.002)).get("coordinates"))
                .add(GridFixture.polygon(square(113.9305, 22.5205, 0.0005)).get("coordinates"));
        GridFixture.feature(grid, CELL).set("geometry", multi);

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::code)
                .containsExactly(tuple(Type.INVALID_GEOMETRY, CELL));
        assertThat(report.errors().get(0).detail()).startsWith("Nested shells at [");
    }

    @Test
    void refusesAnUnclosedRingNamingTheRing() {
        ObjectNode grid = nanshan();
        var ring = (com.fasterxml.jackson.databind.node.ArrayNode) GridFixture.feature(grid, CELL)
                .at("/geometry/coordinates/0");
        ring.remove(ring.size() - 1);

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code)
                .containsExactly(tuple(Type.INVALID_GEOMETRY, indexOf(grid, CELL), CELL));
        assertThat(report.errors().get(0).detail()).startsWith("exterior ring is not closed: it starts at [");
    }

    @Test
    void refusesACodeThatIsNotItsParentsCodePlusThreeDigits() {
        ObjectNode grid = nanshan();
        properties(grid, CELL).put("code", "440305001002004");

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code)
                .containsExactly(tuple(Type.CODE_MISMATCH, indexOf(grid, "440305001002004"), "440305001002004"));
        assertThat(report.errors().get(0).detail())
                .isEqualTo("code 440305001002004 is not its parent 440305001001's code followed by 3 digits");
    }

    @Test
    void refusesCodesOfTheWrongLengthOrWithOtherThanDigits() {
        ObjectNode grid = nanshan();
        properties(grid, CELL).put("code", "4403050010010031");
        properties(grid, "440305001001002").put("code", "44030500100100X");

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code,
                GridProblem::detail).containsExactly(
                        tuple(Type.CODE_MISMATCH, indexOf(grid, "44030500100100X"), "44030500100100X",
                                "code '44030500100100X' must be made of digits only"),
                        tuple(Type.CODE_MISMATCH, indexOf(grid, "4403050010010031"), "4403050010010031",
                                "a grid code has 15 digits, 4403050010010031 has 16"),
                        tuple(Type.CODE_MISMATCH, indexOf(grid, "4403050010010031"), "4403050010010031",
                                "code 4403050010010031 is not its parent 440305001001's code followed by 3 digits"));
    }

    @Test
    void refusesAMissingParentAndWarnsOfTheGapItLeaves() {
        ObjectNode grid = nanshan();
        properties(grid, CELL).put("code", "440305001009001").put("parent", "440305001009");

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code,
                GridProblem::detail).containsExactly(tuple(Type.MISSING_PARENT, indexOf(grid, "440305001009001"),
                        "440305001009001", "parent 440305001009 is not in the import"));
        assertThat(report.warnings()).extracting(GridProblem::type, GridProblem::code)
                .containsExactly(tuple(Type.GAP, COMMUNITY));
    }

    @Test
    void refusesAStreetWithoutParentAndADistrictWithOne() {
        ObjectNode grid = nanshan();
        properties(grid, "440305002").putNull("parent");
        properties(grid, "440305").put("parent", "44");

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code)
                .containsExactly(tuple(Type.CODE_MISMATCH, 0, "440305"),
                        tuple(Type.MISSING_PARENT, indexOf(grid, "440305002"), "440305002"));
    }

    @Test
    void refusesADuplicateCodeNamingTheFirstFeature() {
        ObjectNode grid = nanshan();
        properties(grid, CELL).put("code", "440305001001002");
        int first = indexOf(grid, "440305001001002");

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code,
                GridProblem::detail).containsExactly(tuple(Type.DUPLICATE_CODE, first + 1, "440305001001002",
                        "code 440305001001002 is already used by feature " + first));
    }

    @Test
    void refusesOverlappingBaseCellsNamingThePairAndTheArea() {
        GridReport report = validate(smallGrid(113.9055, 113.91));

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code,
                GridProblem::other).containsExactly(tuple(Type.OVERLAP, 3, "440305001001001", "440305001001002"));
        assertThat(report.errors().get(0).areaSquareMetres()).isCloseTo(STRIP, Percentage.withPercentage(0.01));
        assertThat(report.errors().get(0).detail())
                .isEqualTo("grid feature 3 (440305001001001) overlaps feature 4 (440305001001002) by 56970.1 m²");
    }

    @Test
    void refusesOverlappingSiblingCommunities() {
        ObjectNode grid = GridFixture.collection(
                GridFixture.rectangle("440305", "district", null, null, 113.90, 22.50, 113.91, 22.51),
                GridFixture.rectangle("440305001", "street", null, "440305", 113.90, 22.50, 113.91, 22.51),
                GridFixture.rectangle("440305001001", "community", null, "440305001", 113.90, 22.50, 113.9055, 22.51),
                GridFixture.rectangle("440305001002", "community", null, "440305001", 113.905, 22.50, 113.91, 22.51),
                GridFixture.rectangle("440305001001001", "grid", null, "440305001001", 113.90, 22.50, 113.9055, 22.51));

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::code, GridProblem::other)
                .containsExactly(tuple(Type.OVERLAP, "440305001001", "440305001002"));
        assertThat(report.errors().get(0).detail()).startsWith("community feature 2");
    }

    @Test
    void forgivesOverlapsAndOverhangsWithinTheTolerances() {
        // 5e-9° of longitude is 0.6 m²; 1e-6° beyond the parent is 114 m², under 0.1% of the cell's 0.57 km²
        assertThat(validate(smallGrid(113.905000005, 113.91)).errors()).isEmpty();
        assertThat(validate(smallGrid(113.905, 113.910001)).errors()).isEmpty();
    }

    @Test
    void refusesAChildOutsideItsParentWithTheAreaOutside() {
        GridReport report = validate(smallGrid(113.905, 113.912));

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code,
                GridProblem::other).containsExactly(tuple(Type.OUTSIDE_PARENT, 4, "440305001001002", COMMUNITY));
        assertThat(report.errors().get(0).areaSquareMetres()).isCloseTo(4 * STRIP, Percentage.withPercentage(0.01));
    }

    @Test
    void warnsOfAGapWithoutRefusing() {
        GridReport report = validate(smallGrid(113.905, 113.909));

        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code)
                .containsExactly(tuple(Type.GAP, 2, COMMUNITY));
        assertThat(report.warnings().get(0).areaSquareMetres()).isCloseTo(2 * STRIP, Percentage.withPercentage(0.01));
        assertThat(report.warnings().get(0).detail()).contains("covered by none of its 2 base children")
                .contains("around [113.909");
    }

    @Test
    void findsAGapThatAnOverlapOfTheSameSizeWouldHide() {
        // the children's areas add up to the community's, but one strip is covered twice and one not at all
        GridReport report = validate(smallGrid(113.9055, 113.9095));

        assertThat(report.errors()).extracting(GridProblem::type).containsExactly(Type.OVERLAP);
        assertThat(report.warnings()).extracting(GridProblem::type, GridProblem::code)
                .containsExactly(tuple(Type.GAP, COMMUNITY));
        assertThat(report.warnings().get(0).areaSquareMetres()).isCloseTo(STRIP, Percentage.withPercentage(0.01));
    }

    @Test
    void refusesASpecialCellUnderAnOverlayParent() {
        ObjectNode grid = nanshan();
        grid.withArray("features").add(GridFixture.rectangle("440305801001", "community", "special", "440305801",
                113.9275, 22.5211, 113.9285, 22.5221));

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code)
                .containsExactly(tuple(Type.CODE_MISMATCH, 19, "440305801001"));
        assertThat(report.errors().get(0).detail())
                .isEqualTo("parent feature 18 (440305801) is an overlay cell; a parent must be a base cell");
    }

    @Test
    void doesNotCallAParentMissingWhenItsFeatureWasRefused() {
        ObjectNode grid = nanshan();
        properties(grid, COMMUNITY).put("level", "town");

        GridReport report = validate(grid);

        assertThat(report.errors()).extracting(GridProblem::type, GridProblem::feature, GridProblem::code)
                .containsExactly(tuple(Type.INVALID_FEATURE, indexOf(grid, COMMUNITY), COMMUNITY));
    }

    private static double[][] square(double west, double south, double side) {
        return new double[][] {{west, south}, {west + side, south}, {west + side, south + side},
            {west, south + side}, {west, south}};
    }
}
