/**
 * The checks an imported grid must pass before it is put in force ({@code GridValidator}): at least one
 * base cell, valid geometry, codes that fit their parent and level, base cells that do not overlap,
 * children inside their parent; gaps between base cells are warnings. Every problem names its feature
 * index and code. Invalid polygons can be repaired on request ({@code GridRepair}), within a share of
 * each cell's area.
 *
 * <p>Depends on {@code geo}.
 */
package city.gridcommand.geo.check;
