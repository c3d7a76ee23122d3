package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void sharesFollowTheWeightsAndAddUpToTheTotal() {
        int[] shares = Allocation.proportional(100, new double[] {1, 2, 3, 4}, 899);

        assertThat(shares).containsExactly(10, 20, 30, 40);
    }

    @Test
    void remaindersGoToTheLargestFractions() {
        int[] shares = Allocation.proportional(10, new double[] {1, 1, 1}, 899);

        assertThat(Arrays.stream(shares).sum()).isEqualTo(10);
        assertThat(shares).containsExactlyInAnyOrder(4, 3, 3);
    }

    @Test
    void everyShareIsAtLeastOneAndAtMostTheCap() {
        int[] tiny = Allocation.proportional(10, new double[] {1e-9, 1, 1}, 899);
        int[] capped = Allocation.proportional(30, new double[] {10, 1, 1}, 12);

        assertThat(tiny[0]).isEqualTo(1);
        assertThat(Arrays.stream(tiny).sum()).isEqualTo(10);
        assertThat(capped).containsExactly(12, 9, 9);
    }
}
