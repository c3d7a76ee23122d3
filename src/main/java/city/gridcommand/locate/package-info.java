/**
 * The locate stage: puts each signal in its cells ({@code CellPlacer} → {@code Placement}) on the grid in
 * force ({@code LiveGrid}, swapped atomically with the fixed devices' cached cells) and counts grid workers
 * in cells with hysteresis ({@code WorkerCellTracker}). Never blocks.
 *
 * <p>Depends on {@code signal} and {@code geo}.
 */
package city.gridcommand.locate;
