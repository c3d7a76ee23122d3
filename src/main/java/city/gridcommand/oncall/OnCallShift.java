package city.gridcommand.oncall;

/** A stretch of a schedule's plan: {@code personId} on call from {@code from} to {@code to} (epoch ms) by {@code source}. */
public record OnCallShift(long from, long to, String personId, String source) {
}
