package city.gridcommand.oncall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "Who is on call" over a set of schedules: on the cell path from the cell up to the root, the first
 * schedule of the department on that cell that has someone at the time. A schedule with gaps (partial)
 * thus hands its empty hours to the schedule of an ancestor.
 */
public final class OnCallResolver implements OnCallLookup {

    private final ScheduleClock clock;
    private final Map<String, List<Schedule>> byCell = new HashMap<>();

    public OnCallResolver(List<Schedule> schedules, ScheduleClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Schedule s : schedules) {
            byCell.computeIfAbsent(s.cell(), c -> new ArrayList<>()).add(s);
        }
    }

    /**
     * {@inheritDoc} The answer's {@code until} is also no later than the time a deeper schedule passed over
     * (nobody on call at {@code at}) has someone again, when the answer changes to that schedule's.
     */
    @Override
    public Optional<OnCallAnswer> onCall(List<String> cellPath, String department, long at) {
        List<Schedule> passed = new ArrayList<>();
        for (int i = cellPath.size() - 1; i >= 0; i--) {
            for (Schedule s : byCell.getOrDefault(cellPath.get(i), List.of())) {
                if (!s.answersFor(department)) {
                    continue;
                }
                Optional<OnCallShift> shift = clock.at(s, at);
                if (shift.isEmpty()) {
                    passed.add(s);
                    continue;
                }
                OnCallShift on = shift.get();
                long until = on.to();
                for (Schedule deeper : passed) {
                    until = clock.nextOnCall(deeper, at, until);
                }
                return Optional.of(new OnCallAnswer(on.personId(), s.id(), on.source(), until));
            }
        }
        return Optional.empty();
    }
}
