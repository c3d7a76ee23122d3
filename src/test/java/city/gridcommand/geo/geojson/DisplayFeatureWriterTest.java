package city.gridcommand.geo.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.GridFixture;
import city.gridcommand.geo.SyntheticGrid;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A cell's children for a map: only the children, with the properties a screen draws, simplified without
 * breaking a ring, at the scale of a city of 100,000 base cells (whose time is logged, not asserted).
 */
class DisplayFeatureWriterTest {

    private static final Logger LOG = Logger.getLogger(DisplayFeatureWriterTest.class);
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final DisplayFeatureWriter writer = new DisplayFeatureWriter();

    @Test
    void onlyTheChildrenWithWhatAMapDraws() throws Exception {
        Grid grid = new Grid(7, GridFixture.read(GridFixture.nanshan()).cellList());
        Cell street = grid.cells().stream().filter(c -> c.level() == CellLevel.STREET).findFirst().orElseThrow();

        JsonNode json = GridFixture.JSON.readTree(writer.children(grid, street.code(), 0));

        assertThat(json.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(json.get("version").asLong()).isEqualTo(7);
        assertThat(json.get("scope").asText()).isEqualTo(street.code());
        List<String> codes = new ArrayList<>();
        json.get("features").forEach(f -> codes.add(f.get("properties").get("code").asText()));
        assertThat(codes).isEqualTo(grid.children(street.code()).stream().map(Cell::code).toList()).isNotEmpty();
        JsonNode first = json.get("features").get(0).get("properties");
        Cell child = grid.cell(first.get("code").asText());
        assertThat(first.get("name").asText()).isEqualTo(child.name());
        assertThat(first.get("level").asText()).isEqualTo(child.level().wireName());
        assertThat(first.get("kind").asText()).isEqualTo(child.kind().wireName());
        assertThat(first.get("childCount").asInt()).isEqualTo(grid.children(child.code()).size());
        assertThat(first.has("households")).isFalse();
    }

    @Test
    void aDetailedBoundaryIsSimplifiedAndStaysAValidPolygon() throws Exception {
        Grid grid = new Grid(1, List.of(
                new Cell("440305", "District", CellLevel.DISTRICT, CellKind.BASE, null, circle(0.05, 2000), null),
                new Cell("440305001", "Street", CellLevel.STREET, CellKind.BASE, "440305", circle(0.02, 2000), null)));

        int every = vertices(writer.children(grid, "440305", 0));
        int simplified = vertices(writer.children(grid, "440305", 0.0005));

        assertThat(every).isEqualTo(2001);
        assertThat(simplified).isLessThan(every / 10).isGreaterThan(3);
        Polygon back = polygon(writer.children(grid, "440305", 0.0005));
        assertThat(back.isValid()).isTrue();
        assertThat(back.getArea()).isCloseTo(grid.cell("440305001").geometry().getArea(),
                org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void aDistrictOfAHundredThousandBaseCellsOpensItsStreets() throws Exception {
        long started = System.nanoTime();
        Grid city = SyntheticGrid.baseOnly(320, 320, 12);
        long built = System.nanoTime();
        long bases = city.cells().stream().filter(Cell::isBaseCell).count();
        assertThat(bases).isEqualTo(102_400);

        double zoom12 = 360.0 / (256 * Math.pow(2, 12));
        long t0 = System.nanoTime();
        byte[] district = writer.children(city, SyntheticGrid.DISTRICT, zoom12);
        long t1 = System.nanoTime();
        String street = city.children(SyntheticGrid.DISTRICT).get(0).code();
        byte[] streets = writer.children(city, street, zoom12 * 4);
        long t2 = System.nanoTime();
        String community = city.children(street).get(0).code();
        byte[] communities = writer.children(city, community, zoom12 * 16);
        long t3 = System.nanoTime();

        JsonNode json = GridFixture.JSON.readTree(district);
        assertThat(json.get("features")).hasSize(city.children(SyntheticGrid.DISTRICT).size());
        json.get("features").forEach(f -> assertThat(f.get("properties").get("childCount").asInt()).isEqualTo(16));
        LOG.infof("display of a city of %,d base cells (grid built in %d ms): district's %d streets %d ms, %,d bytes; "
                + "a street's 16 communities %d ms, %,d bytes; a community's 16 base cells %d ms, %,d bytes", bases,
                (built - started) / 1_000_000, json.get("features").size(), (t1 - t0) / 1_000_000, district.length,
                (t2 - t1) / 1_000_000, streets.length, (t3 - t2) / 1_000_000, communities.length);
    }

    private static Polygon circle(double radius, int points) {
        Coordinate[] ring = new Coordinate[points + 1];
        for (int i = 0; i < points; i++) {
            double a = 2 * Math.PI * i / points;
            double wobble = 1 + 0.01 * Math.sin(37 * a);
            ring[i] = new Coordinate(114.0 + radius * wobble * Math.cos(a), 22.5 + radius * wobble * Math.sin(a));
        }
        ring[points] = ring[0];
        return GEOMETRY.createPolygon(ring);
    }

    private static int vertices(byte[] collection) throws Exception {
        return GridFixture.JSON.readTree(collection).get("features").get(0).get("geometry").get("coordinates").get(0).size();
    }

    private static Polygon polygon(byte[] collection) throws Exception {
        JsonNode ring = GridFixture.JSON.readTree(collection).get("features").get(0).get("geometry").get("coordinates").get(0);
        Coordinate[] points = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            points[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        }
        return GEOMETRY.createPolygon(points);
    }
}
