package city.gridcommand.rules;

/**
 * A threshold rule's operator, with the side its clearing value must lie on: a rule that raises above
 * its value clears below {@code clearAt}, one that raises below it clears above.
 */
public enum Comparison {
    GT(">"), GE(">="), LT("<"), LE("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Comparison fromSymbol(String symbol) {
        for (Comparison comparison : values()) {
            if (comparison.symbol.equals(symbol)) {
                return comparison;
            }
        }
        return null;
    }

    /** Whether {@code reading} meets the condition against {@code value}. */
    public boolean holds(double reading, double value) {
        return switch (this) {
            case GT -> reading > value;
            case GE -> reading >= value;
            case LT -> reading < value;
            case LE -> reading <= value;
        };
    }

    /** Whether {@code reading} has crossed back past {@code clearAt}, ending a raised episode. */
    public boolean cleared(double reading, double clearAt) {
        return raisesUpward() ? reading < clearAt : reading > clearAt;
    }

    /** Whether {@code clearAt} lies on the clearing side of {@code value} (or on it). */
    public boolean clearsOnRightSide(double value, double clearAt) {
        return raisesUpward() ? clearAt <= value : clearAt >= value;
    }

    private boolean raisesUpward() {
        return this == GT || this == GE;
    }
}
