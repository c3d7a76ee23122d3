/**
 * The records every stage of the message path shares: one per feed of the contract ({@code Telemetry},
 * {@code Detection}, {@code WorkerPosition}, {@code WorkerReport}, {@code WorkerAck}, {@code DeviceStatus}),
 * the feed itself ({@code SignalSource}), a {@code Position}, a worker's {@code WorkerCellChange} and the
 * three-colour {@code Severity}. Immutable, plain Java.
 *
 * <p>Depends on nothing of the project: it is the bottom layer.
 */
package city.gridcommand.signal;
