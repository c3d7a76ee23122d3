package city.gridcommand.oncall;

/**
 * One thing wrong with a schedule document ({@code path}: the field at fault, e.g.
 * {@code schedules[2].layers[0].shift}), or a warning: for a 24/7 schedule a gap from {@code from} to
 * {@code to} (epoch ms; null for anything else).
 */
public record ScheduleProblem(String path, String message, Long from, Long to) {

    public static ScheduleProblem error(String path, String message) {
        return new ScheduleProblem(path, message, null, null);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
