package city.gridcommand.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The growable arrays of the index build keep every value across their blocks, in order. */
class CellIndexArraysTest {

    @Test
    void intsKeepAddedReservedAndSetValuesAcrossBlocks() {
        CellIndexArrays.Ints ints = new CellIndexArrays.Ints();
        int n = 100_003; // several blocks and a part of one
        int[] expected = new int[n + 16 * 5_000];
        int size = 0;
        for (int i = 0; i < n; i++) {
            ints.add(i * 7);
            expected[size++] = i * 7;
        }
        for (int r = 0; r < 5_000; r++) { // reserves of 16, as the nodes, straddling block ends
            int at = ints.reserve(16);
            assertThat(at).isEqualTo(size);
            for (int k = 0; k < 16; k += 2) {
                ints.set(at + k, -r - k);
                expected[at + k] = -r - k;
            }
            size += 16;
        }
        assertThat(ints.size()).isEqualTo(size);
        assertThat(ints.toArray()).isEqualTo(expected);
    }

    @Test
    void doublesKeepEveryValueAndReadBack() {
        CellIndexArrays.Doubles doubles = new CellIndexArrays.Doubles();
        int n = 70_001;
        for (int i = 0; i < n; i++) {
            doubles.add(i / 3.0);
        }
        assertThat(doubles.size()).isEqualTo(n);
        assertThat(doubles.get(16_384)).isEqualTo(16_384 / 3.0);
        double[] all = doubles.toArray();
        assertThat(all).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(all[i]).isEqualTo(i / 3.0);
        }
    }

    @Test
    void emptyArraysAreEmpty() {
        assertThat(new CellIndexArrays.Ints().toArray()).isEmpty();
        assertThat(new CellIndexArrays.Doubles().toArray()).isEmpty();
    }
}
