package city.gridcommand.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a schedule at a time, in the city's time zone: who is on call and by what (override, holiday, or
 * the last layer that has someone), the plan of shifts between two times, and its gaps. The answer is
 * constant between the schedule's boundaries (hand-overs, window edges, overrides' and holidays' ends), so
 * a plan evaluates it once per boundary.
 */
public final class ScheduleClock {

    /** How far ahead the end of an answer is looked for; an answer that holds longer ends "at least" then. */
    public static final Duration LOOK_AHEAD = Duration.ofDays(35);
    private static final long CHUNK = Duration.ofDays(7).toMillis();

    private final ZoneId zone;

    public ScheduleClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    /** Who is on call by the schedule at {@code at} (epoch ms) and by what, without the answer's end. */
    public Optional<OnCallShift> pointAt(Schedule schedule, long at) {
        Instant t = Instant.ofEpochMilli(at);
        for (ShiftOverride o : schedule.overrides()) {
            if (o.fromMillis(zone) <= at && at < o.toMillis(zone)) {
                return Optional.of(new OnCallShift(at, at, o.person(), "override"));
            }
        }
        LocalDate day = t.atZone(zone).toLocalDate();
        for (Holiday h : schedule.holidays()) {
            if (h.date().equals(day)) {
                return Optional.of(new OnCallShift(at, at, h.person(), "holiday"));
            }
        }
        List<Layer> layers = schedule.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            String person = layers.get(i).personAt(t, zone);
            if (person != null) {
                return Optional.of(new OnCallShift(at, at, person, "layer:" + layers.get(i).name()));
            }
        }
        return Optional.empty();
    }

    /**
     * Who is on call at {@code at} and until when: the shift's {@code to} is the next time the answer changes
     * (at most {@link #LOOK_AHEAD} ahead); empty when nobody is.
     */
    public Optional<OnCallShift> at(Schedule schedule, long at) {
        Optional<OnCallShift> now = pointAt(schedule, at);
        if (now.isEmpty()) {
            return now;
        }
        long horizon = at + LOOK_AHEAD.toMillis();
        for (long from = at; from < horizon; from += CHUNK) {
            long to = Math.min(horizon, from + CHUNK);
            TreeSet<Long> points = boundaries(schedule, from, to);
            points.add(to); // boundaries are strictly inside the chunk: a change right at its end is looked at too
            for (long b : points) {
                Optional<OnCallShift> then = pointAt(schedule, b);
                if (!sameAnswer(now, then)) {
                    return Optional.of(new OnCallShift(at, b, now.get().personId(), now.get().source()));
                }
            }
        }
        return Optional.of(new OnCallShift(at, horizon, now.get().personId(), now.get().source()));
    }

    /**
     * The first time after {@code from} and before {@code to} (epoch ms) when the schedule has someone on call,
     * or {@code to} when it has nobody all that time.
     */
    public long nextOnCall(Schedule schedule, long from, long to) {
        for (long b : boundaries(schedule, from, to)) {
            if (pointAt(schedule, b).isPresent()) {
                return b;
            }
        }
        return to;
    }

    /** The shifts between {@code from} and {@code to} (epoch ms), in order, each as long as its answer holds; gaps left out. */
    public List<OnCallShift> plan(Schedule schedule, long from, long to) {
        List<OnCallShift> shifts = new ArrayList<>();
        if (from >= to) {
            return shifts;
        }
        List<Long> points = new ArrayList<>();
        points.add(from);
        points.addAll(boundaries(schedule, from, to));
        points.add(to);
        Optional<OnCallShift> open = Optional.empty();
        long openFrom = from;
        for (int i = 0; i < points.size() - 1; i++) {
            long start = points.get(i);
            Optional<OnCallShift> here = pointAt(schedule, start);
            if (i == 0 || !sameAnswer(open, here)) {
                if (open.isPresent()) {
                    shifts.add(new OnCallShift(openFrom, start, open.get().personId(), open.get().source()));
                }
                open = here;
                openFrom = start;
            }
        }
        if (open.isPresent()) {
            shifts.add(new OnCallShift(openFrom, to, open.get().personId(), open.get().source()));
        }
        return shifts;
    }

    /** The stretches between {@code from} and {@code to} when the schedule has nobody on call. */
    public List<Gap> gaps(Schedule schedule, long from, long to) {
        List<Gap> gaps = new ArrayList<>();
        long covered = from;
        for (OnCallShift shift : plan(schedule, from, to)) {
            if (shift.from() > covered) {
                gaps.add(new Gap(covered, shift.from()));
            }
            covered = shift.to();
        }
        if (covered < to) {
            gaps.add(new Gap(covered, to));
        }
        return gaps;
    }

    /** Every instant in ({@code from}, {@code to}) where the schedule's answer may change, ascending. */
    TreeSet<Long> boundaries(Schedule schedule, long from, long to) {
        TreeSet<Long> points = new TreeSet<>();
        for (Layer layer : schedule.layers()) {
            layer.boundaries(from, to, zone, points::add);
        }
        for (ShiftOverride o : schedule.overrides()) {
            Layer.emit(o.fromMillis(zone), from, to, points::add);
            Layer.emit(o.toMillis(zone), from, to, points::add);
        }
        for (Holiday h : schedule.holidays()) {
            Layer.emit(h.date().atStartOfDay(zone).toInstant().toEpochMilli(), from, to, points::add);
            Layer.emit(h.date().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(), from, to, points::add);
        }
        return points;
    }

    private static boolean sameAnswer(Optional<OnCallShift> a, Optional<OnCallShift> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.get().personId().equals(b.get().personId()) && a.get().source().equals(b.get().source());
    }
}
