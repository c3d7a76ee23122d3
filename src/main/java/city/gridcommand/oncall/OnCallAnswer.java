package city.gridcommand.oncall;

/**
 * Who is on call, and why: the person, the schedule that says so, what in it ({@code layer:{name}},
 * {@code override} or {@code holiday}), and until when this answer holds (epoch ms of the next hand-over).
 */
public record OnCallAnswer(String personId, String scheduleId, String source, long until) {
}
