package city.gridcommand.geo.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellAttributes;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.GridFixture;
import city.gridcommand.geo.GridImport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class GeoJsonGridWriterTest {

    private final GeoJsonGridWriter writer = new GeoJsonGridWriter();
    private final GeoJsonGridReader reader = new GeoJsonGridReader();

    @Test
    void readingWhatWasWrittenGivesEqualCells() throws Exception {
        Grid grid = new Grid(42, GridFixture.read(GridFixture.nanshan()).cellList());

        byte[] written = writer.write(grid);
        GridImport reread = reader.read(written);

        assertThat(reread.problems()).isEmpty();
        assertThat(reread.cellList()).isEqualTo(grid.cells());
        JsonNode json = GridFixture.JSON.readTree(written);
        assertThat(json.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(json.get("version").asLong()).isEqualTo(42);
        assertThat(json.get("features")).hasSize(19);
    }

    @Test
    void keepsEveryBitOfACoordinate() {
        GeometryFactory factory = new GeometryFactory();
        double lon = 113.93428011234567;
        double lat = Math.nextUp(22.5151348);
        Cell cell = new Cell("440305", "南山区", CellLevel.DISTRICT, CellKind.BASE, null,
                factory.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + 0.01, lat),
                    new Coordinate(lon + 0.01, lat + 1e-9), new Coordinate(lon, lat)}),
                new CellAttributes(0, null, List.of(), null));

        Cell reread = reader.read(writer.write(7, List.of(cell))).cellList().get(0);

        assertThat(reread).isEqualTo(cell);
        assertThat(reread.geometry().getCoordinates()[0].y).isEqualTo(lat);
    }

    @Test
    void writesOneCellAsAFeatureTheEndpointCanExtend() throws Exception {
        Grid grid = new Grid(1, GridFixture.read(GridFixture.nanshan()).cellList());
        Cell cell = grid.cell("440305001001001");

        JsonNode feature = GridFixture.JSON.readTree(writer.writeFeature(cell));
        ObjectNode node = writer.featureNode(cell);
        node.putArray("children").add("440305001001001001");
        assertThat(node.get("children")).hasSize(1);

        assertThat(feature.get("type").asText()).isEqualTo("Feature");
        assertThat(feature.get("id").asText()).isEqualTo("440305001001001");
        assertThat(feature.get("properties").toString()).isEqualTo("{\"code\":\"440305001001001\","
                + "\"name\":\"南头街道前海社区第1网格\",\"level\":\"grid\",\"kind\":\"base\",\"parent\":\"440305001001\","
                + "\"households\":412,\"population\":1130,\"workers\":[\"w-1001\",\"w-1002\"],\"leader\":\"w-1001\"}");
        node.remove("children");
        assertThat((Object) node).isEqualTo(feature);
        String single = "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "]}";
        assertThat(reader.read(single.getBytes(java.nio.charset.StandardCharsets.UTF_8)).cellList())
                .containsExactly(cell);
    }
}
