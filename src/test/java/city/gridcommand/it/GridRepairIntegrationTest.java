package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import city.gridcommand.geo.BruteForceLocator;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.GridFixture;
import city.gridcommand.geo.RepairCases;
import city.gridcommand.geo.geojson.GeoJsonGridReader;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Boundary data with invalid rings through {@code PUT /api/v1/grids}: refused as it is, saying that
 * {@code repair=true} exists; previewed with {@code dryRun=true}, nothing stored; loaded repaired, with
 * the report, and locating as a brute-force check does; a repair changing a cell's area too much
 * refused; a grid without base cells or with too many features refused.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class GridRepairIntegrationTest {

    /** The grid is imported by an admin of the whole city; the map is read by a screen. */
    private static final String ADMIN = TestTokens.admin();
    private static final String SCREEN = TestTokens.screen(TestTokens.DISTRICT);
    private static final String WEST_CELL = "440305001001001";
    private static final String EAST_CELL = "440305001001002";

    @Inject
    LiveGrid liveGrid;

    /** A valid grid in force before each test, so that "nothing stored" has a version to keep. */
    @BeforeEach
    void importAValidGrid() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(GridFixture.smallGrid(RepairCases.MIDDLE, RepairCases.EAST)))
                .put("/api/v1/grids").then().statusCode(200).body("repairs", hasSize(0));
    }

    private static byte[] body(JsonNode grid) {
        return GridFixture.bytes(grid);
    }

    private static long currentVersion() {
        return given().auth().oauth2(ADMIN).get("/api/v1/grids/versions").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.current }.version");
    }

    @Test
    void refusesInvalidRingsWithoutRepairSayingThatRepairExists() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(RepairCases.twistedCornerAndPinchedPocket()))
                .put("/api/v1/grids").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("can be repaired: send it again with repair=true"))
                .body("errors.type", everyItem(equalTo("invalid_geometry")))
                .body("errors.feature", contains(3, 4))
                .body("errors[1].detail", equalTo("Ring Self-intersection at [113.9050000, 22.5050000]"))
                .body("repairable", contains(3, 4));
    }

    @Test
    void previewsTheRepairWithoutStoringAnything() {
        long before = currentVersion();

        JsonPath preview = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(body(RepairCases.twistedCornerAndPinchedPocket()))
                .put("/api/v1/grids?repair=true&dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("accepted", equalTo(true))
                .body("cells", equalTo(5))
                .body("errors", hasSize(0))
                .body("repairs.code", contains(WEST_CELL, EAST_CELL))
                .body("repairs.fault", contains("Self-intersection", "Ring Self-intersection"))
                .body("repairs.accepted", contains(true, true))
                .body("repairs[1].at", contains(113.905f, 22.505f))
                .extract().jsonPath();
        assertThat(preview.getDouble("repairs[0].areaBeforeSquareMetres")).isGreaterThan(500_000);
        assertThat(preview.getDouble("repairs[0].areaChangeSquareMetres")).isBetween(0.0, 1.0);
        assertThat(preview.getDouble("repairs[1].areaChangePercent")).isBetween(-1e-9, 1e-9);

        assertThat(currentVersion()).isEqualTo(before);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(RepairCases.twistedCornerAndPinchedPocket()))
                .put("/api/v1/grids?dryRun=true").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("errors.type", contains("invalid_geometry", "invalid_geometry"))
                .body("repairable", contains(3, 4))
                .body("repairs", hasSize(0));
        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void loadsTheRepairedGridWithTheReportAndLocatesAsABruteForceCheckDoes() {
        long before = currentVersion();

        long version = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(RepairCases.twistedCornerAndPinchedPocket()))
                .put("/api/v1/grids?repair=true").then().statusCode(200)
                .body("cells", equalTo(5))
                .body("warnings", hasSize(0))
                .body("repairs.feature", contains(3, 4))
                .body("repairs.polygons", contains(2, 1))
                .body("repairs[0].detail", containsString("repaired into 2 polygons"))
                .extract().jsonPath().getLong("version");

        assertThat(version).isGreaterThan(before);
        given().auth().oauth2(ADMIN).get("/api/v1/grids/versions").then().body("find { it.version == " + version + " }.source",
                equalTo("repaired"));
        byte[] stored = given().auth().oauth2(ADMIN).get("/api/v1/grids").then().statusCode(200).extract().asByteArray();
        Grid grid = new Grid(version, new GeoJsonGridReader().read(stored).cellList());
        assertThat(grid.cell(WEST_CELL).geometry().getNumGeometries()).isEqualTo(2);
        BruteForceLocator reference = new BruteForceLocator(grid);
        LiveGrid.Snapshot live = liveGrid.snapshot();
        assertThat(live.grid().version()).isEqualTo(version);
        List<String> disagreements = new ArrayList<>();
        for (double[] p : points()) {
            CellLocation expected = reference.locate(p[1], p[0]);
            if (!expected.equals(live.map().locate(p[1], p[0])) && disagreements.size() < 10) {
                disagreements.add("lon=" + p[0] + " lat=" + p[1] + ": expected " + expected);
            }
        }
        assertThat(disagreements).isEmpty();
        double step = RepairCases.STEP;
        locateOverRest(RepairCases.MIDDLE - 0.55 * step, RepairCases.NORTH - 0.55 * step).body("baseCell",
                equalTo(WEST_CELL));
        locateOverRest(RepairCases.MIDDLE + step, RepairCases.POCKET_LAT).body("outside", equalTo(true));
        locateOverRest(RepairCases.MIDDLE + 3 * step, RepairCases.POCKET_LAT).body("baseCell", equalTo(EAST_CELL));
    }

    @Test
    void refusesARepairThatChangesACellsAreaByMoreThanTheShareNamingTheFeature() {
        long before = currentVersion();

        JsonPath refusal = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(RepairCases.bowTie(false)))
                .put("/api/v1/grids?repair=true").then().statusCode(422)
                .body("errors.type", contains("invalid_geometry"))
                .body("errors[0].feature", equalTo(4))
                .body("errors[0].code", equalTo(EAST_CELL))
                .body("errors[0].detail", containsString("more than the 1% a repair may change"))
                .body("repairs[0].accepted", equalTo(false))
                .body("repairable", nullValue()) // none left: the one invalid feature's repair was refused
                .extract().jsonPath();

        assertThat(refusal.getDouble("repairs[0].areaChangePercent")).isCloseTo(100.0 / 12, within(0.01));

        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void refusesAnEmptyGridAndOneWithoutBaseCells() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"FeatureCollection\",\"features\":[]}")
                .put("/api/v1/grids").then().statusCode(422)
                .body("errors.type", contains("no_base_cell"))
                .body("errors[0].detail", containsString("has no features"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(GridFixture.collection(
                GridFixture.rectangle("440305", "district", null, null, 113.90, 22.50, 113.91, 22.51))))
                .put("/api/v1/grids").then().statusCode(422)
                .body("errors.type", contains("no_base_cell"))
                .body("errors[0].detail", containsString("every signal would be outside"));
    }

    @Test
    void refusesMoreFeaturesThanOneImportMayHold() {
        int limit = 200_000;
        StringBuilder features = new StringBuilder("{}");
        for (int i = 1; i <= limit; i++) {
            features.append(",{}");
        }

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}")
                .put("/api/v1/grids").then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Grid too large"))
                .body("field", equalTo("features"))
                .body("limit", equalTo(limit))
                .body("detail", containsString("(grid.import.max-features)"));
    }

    @Test
    void refusesARepairFlagThatIsNotTrueOrFalse() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body(RepairCases.twistedCorner()))
                .put("/api/v1/grids?repair=yes").then().statusCode(400).body("field", equalTo("repair"));
    }

    private static io.restassured.response.ValidatableResponse locateOverRest(double lon, double lat) {
        return given().auth().oauth2(SCREEN).queryParam("lat", lat).queryParam("lon", lon).get("/api/v1/grids/locate")
                .then().statusCode(200);
    }

    /**
     * A lattice over the grid and a margin around it, and a finer one over the twisted corner and the
     * pocket, where the repaired rings are.
     */
    private static List<double[]> points() {
        List<double[]> points = new ArrayList<>();
        lattice(points, RepairCases.WEST - 0.001, RepairCases.SOUTH - 0.001, RepairCases.EAST + 0.001,
                RepairCases.NORTH + 0.001, 120);
        double around = 4 * RepairCases.STEP;
        lattice(points, RepairCases.MIDDLE - around, RepairCases.NORTH - around, RepairCases.MIDDLE + around,
                RepairCases.NORTH + around, 60);
        lattice(points, RepairCases.MIDDLE - around, RepairCases.POCKET_LAT - around, RepairCases.MIDDLE + around,
                RepairCases.POCKET_LAT + around, 60);
        return points;
    }

    private static void lattice(List<double[]> points, double west, double south, double east, double north, int n) {
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                points.add(new double[] {west + (east - west) * i / n, south + (north - south) * j / n});
            }
        }
    }
}
