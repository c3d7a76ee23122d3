package city.gridcommand.geo.geojson;

import static city.gridcommand.geo.GridFixture.nanshan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellAttributes;
import city.gridcommand.geo.CellFeature;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.geo.GridFixture;
import city.gridcommand.geo.GridImport;
import city.gridcommand.geo.GridProblem;
import city.gridcommand.geo.GridProblem.Type;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GeoJsonGridReaderTest {

    private final GeoJsonGridReader reader = new GeoJsonGridReader();

    private GridImport read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryCellOfTheFixtureWithItsProperties() {
        GridImport imported = GridFixture.read(nanshan());

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.cells()).extracting(CellFeature::feature).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 19).boxed().toList());
        Map<String, Cell> cells = imported.cellList().stream().collect(Collectors.toMap(Cell::code, Function.identity()));
        assertThat(cells.get("440305")).extracting(Cell::name, Cell::level, Cell::kind, Cell::parent)
                .containsExactly("南山区", CellLevel.DISTRICT, CellKind.BASE, null);
        assertThat(cells.get("440305001001001").attributes())
                .isEqualTo(new CellAttributes(412, 1130, List.of("w-1001", "w-1002"), "w-1001"));
        assertThat(cells.get("440305001001003").attributes()).isEqualTo(CellAttributes.NONE);
        assertThat(cells.get("440305001001003").isBaseCell()).isTrue();
        assertThat(((Polygon) cells.get("440305001002001").geometry()).getNumInteriorRing()).isEqualTo(1);
        assertThat(cells.get("440305002001001").geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(cells.get("440305002001001").geometry().getNumGeometries()).isEqualTo(2);
        assertThat(cells.get("440305001002901")).extracting(Cell::level, Cell::kind, Cell::parent)
                .containsExactly(CellLevel.GRID, CellKind.SPECIAL, "440305001002");
        assertThat(cells.get("440305801")).extracting(Cell::level, Cell::kind, Cell::parent)
                .containsExactly(CellLevel.STREET, CellKind.OVERLAY, "440305");
        assertThat(cells.get("440305").geometry().getSRID()).isEqualTo(4326);
    }

    @Test
    void collectsEveryPropertyProblemOfEveryFeatureAndKeepsTheGoodOnes() {
        ObjectNode grid = nanshan();
        ObjectNode bad = GridFixture.properties(grid, "440305001001003");
        bad.remove("name");
        bad.put("level", "town").put("kind", "basic").put("households", -1).put("population", "many")
                .put("leader", 7).put("parent", 440305001001L);
        bad.putArray("workers").add("w-1").add(3);
        GridFixture.properties(grid, "440305001001002").put("code", 440305001001002L);

        GridImport imported = GridFixture.read(grid);

        assertThat(imported.cells()).hasSize(17);
        assertThat(imported.problems()).allMatch(p -> p.type() == Type.INVALID_FEATURE)
                .extracting(GridProblem::feature, GridProblem::code, GridProblem::detail).containsExactly(
                        tuple(8, null, "property 'code' must be a string of digits (a number would lose leading zeros)"),
                        tuple(9, "440305001001003", "property 'name' is required"),
                        tuple(9, "440305001001003", "property 'level' must be district, street, community or grid, not \"town\""),
                        tuple(9, "440305001001003", "property 'kind' must be base, special or overlay, not \"basic\""),
                        tuple(9, "440305001001003", "property 'parent' must be a string"),
                        tuple(9, "440305001001003", "property 'households' must be a non-negative whole number, not -1"),
                        tuple(9, "440305001001003", "property 'population' must be a non-negative whole number, not \"many\""),
                        tuple(9, "440305001001003", "property 'workers', element 1 must be a worker id (a string of 1 to 64 characters), not 3"),
                        tuple(9, "440305001001003", "property 'leader' must be a string"));
    }

    @Test
    void refusesAFeatureWithoutTypeOrProperties() {
        ObjectNode grid = nanshan();
        GridFixture.feature(grid, "440305001001003").put("type", "Point").remove("properties");
        ((ArrayNode) grid.get("features")).add("not a feature");

        GridImport imported = GridFixture.read(grid);

        assertThat(imported.problems()).extracting(GridProblem::type, GridProblem::feature, GridProblem::detail)
                .containsExactly(tuple(Type.INVALID_FEATURE, 9, "'type' must be \"Feature\""),
                        tuple(Type.INVALID_FEATURE, 9, "a feature needs a 'properties' object"),
                        tuple(Type.INVALID_FEATURE, 19, "a feature must be a JSON object"));
    }

    @Test
    void namesTheUnclosedRingInAHoleAndInAMultiPolygonPart() {
        ObjectNode grid = nanshan();
        ArrayNode hole = (ArrayNode) GridFixture.feature(grid, "440305001002001").at("/geometry/coordinates/1");
        hole.set(hole.size() - 1, hole.get(1).deepCopy());
        ArrayNode part = (ArrayNode) GridFixture.feature(grid, "440305002001001").at("/geometry/coordinates/1/0");
        part.remove(part.size() - 1);

        GridImport imported = GridFixture.read(grid);

        assertThat(imported.problems()).extracting(GridProblem::type, GridProblem::code)
                .containsExactly(tuple(Type.INVALID_GEOMETRY, "440305001002001"),
                        tuple(Type.INVALID_GEOMETRY, "440305002001001"));
        assertThat(imported.problems().get(0).detail()).startsWith("hole 1 is not closed: it starts at [");
        assertThat(imported.problems().get(1).detail()).startsWith("polygon 1, exterior ring is not closed");
    }

    @Test
    void namesEachGeometryFault() {
        assertThat(geometryProblem("{\"type\":\"Point\",\"coordinates\":[113.9,22.5]}"))
                .isEqualTo("geometry type must be Polygon or MultiPolygon, not \"Point\"");
        assertThat(geometryProblem("null")).isEqualTo("a cell needs a geometry (Polygon or MultiPolygon)");
        assertThat(geometryProblem("{\"type\":\"Polygon\",\"coordinates\":[]}"))
                .isEqualTo("a Polygon needs a non-empty 'coordinates' array");
        assertThat(geometryProblem("{\"type\":\"Polygon\",\"coordinates\":[[[113.9,22.5],[113.91,22.5],[113.9,22.5]]]}"))
                .isEqualTo("exterior ring: a ring needs at least 4 positions, it has 3");
        assertThat(geometryProblem("{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[113.9,22.5],[181,22.5],[113.91,22.51],[113.9,22.5]]]}"))
                .isEqualTo("exterior ring, position 1: longitude 181.0 is outside [-180, 180]");
        assertThat(geometryProblem("{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[113.9,22.5],[113.91,\"22.5\"],[113.91,22.51],[113.9,22.5]]]}"))
                .isEqualTo("exterior ring, position 1: coordinates must be numbers, not \"22.5\"");
        assertThat(geometryProblem("{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[113.9,22.5],[113.91],[113.91,22.51],[113.9,22.5]]]}"))
                .isEqualTo("exterior ring, position 1: a position must be [longitude, latitude], not [113.91]");
    }

    private String geometryProblem(String geometry) {
        GridImport imported = read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + geometry + ",\"properties\":{\"code\":\"440305\",\"name\":\"南山区\",\"level\":\"district\"}}]}");
        assertThat(imported.cells()).isEmpty();
        assertThat(imported.problems()).singleElement().extracting(GridProblem::type, GridProblem::feature,
                GridProblem::code).containsExactly(Type.INVALID_GEOMETRY, 0, "440305");
        return imported.problems().get(0).detail();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"type\":\"FeatureCollection\",\"features\":[", "[1,2]",
        "{\"type\":\"Feature\",\"features\":[]}", "{\"features\":[]}", "{\"type\":\"FeatureCollection\"}",
        "{\"type\":\"FeatureCollection\",\"features\":{}}", "{\"type\":\"FeatureCollection\",\"features\":[]} {}",
        "{\"type\":\"FeatureCollection\",\"type\":\"FeatureCollection\",\"features\":[]}"})
    void givesASingleProblemForABodyThatIsNotAFeatureCollection(String body) {
        GridImport imported = read(body);

        assertThat(imported.cells()).isEmpty();
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(Type.INVALID_DOCUMENT);
            assertThat(problem.feature()).isNull();
            assertThat(problem.detail()).isNotBlank();
        });
    }

    @Test
    void explainsWhyABodyIsNotAFeatureCollection() {
        assertThat(read("not json").problems().get(0).detail()).startsWith("the body is not valid JSON: ")
                .endsWith("(line 1, column 1)");
        assertThat(read("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\"},,\n]}")
                .problems().get(0).detail()).startsWith("the body is not valid JSON: Unexpected character (',' ")
                .endsWith("(line 3, column 20)");
        assertThat(read("[]").problems().get(0).detail())
                .isEqualTo("the body must be a GeoJSON FeatureCollection object, not a JSON array");
        assertThat(read("{\"type\":\"Feature\"}").problems().get(0).detail())
                .isEqualTo("the body must be a GeoJSON FeatureCollection, but its type is 'Feature'");
        assertThat(read("{\"type\":\"FeatureCollection\",\"version\":3,\"features\":[]}").problems()).isEmpty();
    }
}
