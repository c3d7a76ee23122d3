package city.gridcommand.oncall;

/** A stretch of time (epoch ms, {@code from} inclusive, {@code to} exclusive) when a schedule has nobody on call. */
public record Gap(long from, long to) {
}
