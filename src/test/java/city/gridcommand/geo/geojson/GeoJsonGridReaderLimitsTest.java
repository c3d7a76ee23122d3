package city.gridcommand.geo.geojson;

import static city.gridcommand.geo.GridFixture.nanshan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.GridFixture;
import city.gridcommand.geo.GridImport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader stops at the first feature or position over its limits, and counts positions only. */
class GeoJsonGridReaderLimitsTest {

    private static final byte[] NANSHAN = GridFixture.bytes(nanshan());
    private static final List<Cell> CELLS = new GeoJsonGridReader().read(NANSHAN).cellList();
    private static final int FEATURES = CELLS.size();
    private static final long VERTICES = CELLS.stream().mapToLong(c -> c.geometry().getNumPoints()).sum();
    private static final int LARGEST = CELLS.stream().mapToInt(c -> c.geometry().getNumPoints()).max().orElseThrow();

    private static GridImport read(int features, long vertices, int featureVertices) {
        return new GeoJsonGridReader(new GridLimits(features, vertices, featureVertices)).read(NANSHAN);
    }

    @Test
    void readsABodyExactlyAtEveryLimit() {
        // properties hold numbers too (households, population): they are not positions
        GridImport imported = read(FEATURES, VERTICES, LARGEST);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.cells()).hasSize(FEATURES);
    }

    @Test
    void refusesOneFeatureTooMany() {
        assertThatThrownBy(() -> read(FEATURES - 1, VERTICES, LARGEST)).isInstanceOfSatisfying(
                GridTooLargeException.class, e -> {
                    assertThat(e.field()).isEqualTo("features");
                    assertThat(e.limitName()).isEqualTo("max-features");
                    assertThat(e.limit()).isEqualTo(FEATURES - 1);
                    assertThat(e.getMessage()).isEqualTo("the FeatureCollection has more than " + (FEATURES - 1)
                            + " features, the most one import may hold");
                });
    }

    @Test
    void refusesOnePositionTooManyNamingTheFeatureThatPassedTheLimit() {
        int last = FEATURES - 1;
        assertThatThrownBy(() -> read(FEATURES, VERTICES - 1, LARGEST)).isInstanceOfSatisfying(
                GridTooLargeException.class, e -> {
                    assertThat(e.field()).isEqualTo("vertices");
                    assertThat(e.limit()).isEqualTo(VERTICES - 1);
                    assertThat(e.getMessage()).contains("passed in feature " + last);
                });
    }

    @Test
    void refusesAFeatureWithTooManyPositionsNamingIt() {
        int first = indexOfFirstWith(LARGEST);
        assertThatThrownBy(() -> read(FEATURES, VERTICES, LARGEST - 1)).isInstanceOfSatisfying(
                GridTooLargeException.class, e -> {
                    assertThat(e.field()).isEqualTo("features[" + first + "].geometry");
                    assertThat(e.limitName()).isEqualTo("max-feature-vertices");
                    assertThat(e.limit()).isEqualTo(LARGEST - 1);
                });
    }

    @Test
    void stopsInsideAHugeFeatureInsteadOfReadingItWhole() {
        StringBuilder ring = new StringBuilder("[0,0]");
        for (int i = 1; i < 200_000; i++) {
            ring.append(",[").append(i % 2).append(',').append(i % 3).append(']');
        }
        String body = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}]}";
        GeoJsonGridReader reader = new GeoJsonGridReader(new GridLimits(10, 1_000_000, 1000));

        assertThatThrownBy(() -> reader.read(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(GridTooLargeException.class,
                        e -> assertThat(e.field()).isEqualTo("features[0].geometry"));
    }

    @Test
    void refusesLimitsThatAreNotPositive() {
        assertThatThrownBy(() -> new GridLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GridLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int indexOfFirstWith(int vertices) {
        for (int i = 0; i < CELLS.size(); i++) {
            if (CELLS.get(i).geometry().getNumPoints() == vertices) {
                return i;
            }
        }
        throw new IllegalStateException("no feature with " + vertices + " positions");
    }
}
