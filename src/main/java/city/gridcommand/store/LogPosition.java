package city.gridcommand.store;

/**
 * Where the change log stands: its {@code epoch} (fixed when the log was made; a seq read from a log of
 * another epoch, a restored or recreated database, means nothing here) and the last committed
 * {@code seq} (every change up to it is committed and readable, unless retention pruned it).
 */
public record LogPosition(String epoch, long seq) {
}
