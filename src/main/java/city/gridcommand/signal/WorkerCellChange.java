package city.gridcommand.signal;

/**
 * A signal derived from worker positions: a grid worker entered or left a base cell, or left the cells
 * assigned to them during duty hours. {@code cell} is the cell entered or left (for
 * {@link Type#LEFT_ASSIGNED}, the cell the worker is now in, null when outside the grid);
 * {@code ts} is the position's timestamp that settled the change.
 */
public record WorkerCellChange(String workerId, long ts, Type type, String cell) {

    /** What happened. */
    public enum Type {
        ENTERED, LEFT, LEFT_ASSIGNED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
