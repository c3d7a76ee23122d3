package city.gridcommand.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * One layer of a schedule: a rotation of {@code participants} (person ids: a token's {@code sub}, a grid
 * worker's id), each on for one {@code shift}, handed over at {@code handover} (and, weekly, on
 * {@code handoverDay}), from the first hand-over on or after {@code start}: the first participant until the
 * next hand-over, then the second, and round again. Before that first hand-over the layer has nobody. The
 * {@code restrictions} say when the layer applies at all. Times are in the city's time zone.
 */
public record Layer(String name, List<String> participants, ShiftLength shift, LocalTime handover,
        DayOfWeek handoverDay, LocalDate start, Restrictions restrictions) {

    public Layer {
        Objects.requireNonNull(name, "name");
        participants = List.copyOf(participants);
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(handover, "handover");
        Objects.requireNonNull(start, "start");
        restrictions = restrictions == null ? Restrictions.NONE : restrictions;
        if (!shift.weekly()) {
            handoverDay = null;
        } else if (handoverDay == null) {
            handoverDay = start.getDayOfWeek();
        }
    }

    /** The first hand-over: the rotation's start, as a local date. */
    LocalDate firstHandoverDate() {
        return shift.weekly() ? start.with(TemporalAdjusters.nextOrSame(handoverDay)) : start;
    }

    Instant firstHandover(ZoneId zone) {
        return firstHandoverDate().atTime(handover).atZone(zone).toInstant();
    }

    /** The person on this layer at {@code at}, or null (before the rotation starts, or outside the restrictions). */
    public String personAt(Instant at, ZoneId zone) {
        Instant anchor = firstHandover(zone);
        if (participants.isEmpty() || at.isBefore(anchor) || !restrictions.allows(at.atZone(zone).toLocalDateTime())) {
            return null;
        }
        return participants.get(Math.floorMod(shiftIndex(at, zone, anchor), participants.size()));
    }

    /** How many hand-overs after the first one have happened by {@code at} (not before the first). */
    long shiftIndex(Instant at, ZoneId zone, Instant anchor) {
        if (!shift.dayBased()) {
            return Math.floorDiv(at.toEpochMilli() - anchor.toEpochMilli(), Duration.ofHours(shift.amount()).toMillis());
        }
        LocalDate first = firstHandoverDate();
        LocalDate day = at.atZone(zone).toLocalDate();
        long k = Math.floorDiv(ChronoUnit.DAYS.between(first, day), shift.days());
        if (at.isBefore(handoverAt(k, zone))) {
            k--;
        }
        return k;
    }

    private Instant handoverAt(long k, ZoneId zone) {
        if (!shift.dayBased()) {
            return firstHandover(zone).plus(Duration.ofHours(shift.amount() * k));
        }
        return firstHandoverDate().plusDays(k * shift.days()).atTime(handover).atZone(zone).toInstant();
    }

    /**
     * Every instant in ({@code from}, {@code to}) where this layer's answer may change: hand-overs, the
     * rotation's start, the edges of its windows and, with weekdays, midnights.
     */
    void boundaries(long from, long to, ZoneId zone, LongConsumer out) {
        Instant anchor = firstHandover(zone);
        emit(anchor.toEpochMilli(), from, to, out);
        long k = Math.max(0, shiftIndex(Instant.ofEpochMilli(Math.max(from, anchor.toEpochMilli())), zone, anchor));
        for (Instant h = handoverAt(k, zone); h.toEpochMilli() < to; h = handoverAt(++k, zone)) {
            emit(h.toEpochMilli(), from, to, out);
        }
        if (restrictions.none()) {
            return;
        }
        LocalDate last = Instant.ofEpochMilli(to).atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate d = Instant.ofEpochMilli(from).atZone(zone).toLocalDate().minusDays(1); !d.isAfter(last);
                d = d.plusDays(1)) {
            for (TimeWindow w : restrictions.windows()) {
                emit(d.atTime(w.from()).atZone(zone).toInstant().toEpochMilli(), from, to, out);
                emit(d.atTime(w.to()).atZone(zone).toInstant().toEpochMilli(), from, to, out);
            }
            if (!restrictions.days().isEmpty()) {
                emit(d.atStartOfDay(zone).toInstant().toEpochMilli(), from, to, out);
            }
        }
    }

    static void emit(long t, long from, long to, LongConsumer out) {
        if (t > from && t < to) {
            out.accept(t);
        }
    }
}
