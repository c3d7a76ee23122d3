/**
 * The checks an imported grid must pass before it is put in force ({@code GridValidator}): valid
 * geometry, codes that fit their parent and level, base cells that do not overlap, children inside their
 * parent; gaps between base cells are warnings. Every problem names its feature index and code.
 *
 * <p>Depends on {@code geo}.
 */
package city.gridcommand.geo.check;
