package city.gridcommand.sim;

/** Shares a whole number out in proportion to weights (largest remainder), every share at least 1. */
final class Allocation {

    private Allocation() {
    }

    /**
     * Shares of {@code total} proportional to {@code weights}, each within [1, {@code cap}]; they sum to
     * {@code total} whenever {@code weights.length <= total <= weights.length * cap}.
     */
    static int[] proportional(int total, double[] weights, int cap) {
        int[] shares = new int[weights.length];
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int given = 0;
        double[] remainders = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = Math.max(1, Math.min(cap, (int) exact));
            remainders[i] = exact - (int) exact;
            given += shares[i];
        }
        while (given != total) {
            int step = given < total ? 1 : -1;
            int pick = pickForStep(shares, remainders, cap, step);
            if (pick < 0) {
                break;
            }
            shares[pick] += step;
            remainders[pick] -= step;
            given += step;
        }
        return shares;
    }

    /** The share with the largest remainder that may still grow (step 1) or the smallest that may shrink. */
    private static int pickForStep(int[] shares, double[] remainders, int cap, int step) {
        int pick = -1;
        for (int i = 0; i < shares.length; i++) {
            boolean allowed = step > 0 ? shares[i] < cap : shares[i] > 1;
            if (allowed && (pick < 0 || step * remainders[i] > step * remainders[pick])) {
                pick = i;
            }
        }
        return pick;
    }
}
