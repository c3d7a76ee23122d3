package city.gridcommand.alerts;

/** A step of a round of an alert's chain, both counted from 1. */
public record ChainPosition(int step, int round) {

    public static final ChainPosition FIRST = new ChainPosition(1, 1);

    public ChainPosition {
        if (step < 1 || round < 1) {
            throw new IllegalArgumentException("steps and rounds count from 1, not " + step + "/" + round);
        }
    }
}
