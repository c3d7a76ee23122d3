package city.gridcommand.geo.check;

/**
 * How much imprecision {@link GridValidator} forgives, in square metres on the ground. Hand-digitised
 * boundaries never meet exactly, so a sliver smaller than these is noise, not a mistake.
 *
 * @param overlapSquareMetres two cells of one level overlapping by more than this are refused (default 1 m²)
 * @param outsideParentSquareMetres a child may extend this far beyond its parent (default 1 m²) …
 * @param outsideParentFraction … or this fraction of its own area, whichever is larger (default 0.001, 0.1%)
 * @param gapSquareMetres a parent area covered by none of its base children larger than this is
 *        warned about (default 1 m²)
 */
public record GridTolerances(double overlapSquareMetres, double outsideParentSquareMetres,
        double outsideParentFraction, double gapSquareMetres) {

    public static final GridTolerances DEFAULTS = new GridTolerances(1.0, 1.0, 0.001, 1.0);

    public GridTolerances {
        if (!(overlapSquareMetres >= 0 && outsideParentSquareMetres >= 0 && outsideParentFraction >= 0
                && gapSquareMetres >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative numbers");
        }
    }

    /** The area a child of {@code childSquareMetres} may have outside its parent. */
    public double outsideParentAllowance(double childSquareMetres) {
        return Math.max(outsideParentSquareMetres, outsideParentFraction * childSquareMetres);
    }
}
