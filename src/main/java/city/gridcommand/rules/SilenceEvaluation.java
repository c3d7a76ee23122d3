package city.gridcommand.rules;

import city.gridcommand.event.SourceKind;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Signal;
import java.time.Duration;

/**
 * Evaluates silence: every message from a sender ends its silence episode and re-arms the rule; a tick
 * raises once per episode when the sender has been silent too long; an offline status raises at once.
 * Shared by {@link SilenceRule} and the no-position {@link WorkerRule}.
 */
public final class SilenceEvaluation {

    private SilenceEvaluation() {
    }

    /**
     * The next state after any {@code signal} from the sender, placed {@code at} (may be null). {@code kind}
     * is the sender's kind: its feed's, or for a status the kind its other messages have shown
     * ({@link SourceKind#DEVICE} when none has come yet), so each rule hears of a last will only from
     * the senders it watches. A sender of a kind the rule does not watch keeps no state.
     */
    public static Outcome<SilenceState> onSignal(SilenceRule rule, SilenceState state, Signal signal, SourceKind kind,
            CellLocation at, long now) {
        if (!rule.watches(kind)) {
            return Outcome.of(null);
        }
        if (signal instanceof DeviceStatus status) {
            return onStatus(rule, state, status, kind, at, now);
        }
        return Outcome.of(seen(state, kind, TriggerSource.of(signal), at, now));
    }

    /** The next state after a tick at {@code now}: raises when the sender has been silent for {@code silentFor}. */
    public static Outcome<SilenceState> tick(SilenceRule rule, SilenceState state, long now, Duty duty) {
        return tick(rule, rule.silentFor(), state, now, duty);
    }

    static SilenceState seen(SilenceState state, SourceKind kind, TriggerSource source, CellLocation at, long now) {
        return seen(state, kind, source, at, now, state == null ? null : state.lastStatus());
    }

    private static SilenceState seen(SilenceState state, SourceKind kind, TriggerSource source, CellLocation at,
            long now, DeviceStatus lastStatus) {
        CellLocation cell = RuleTriggers.placed(at) ? at : state == null ? null : state.at();
        return new SilenceState(kind, now, source, cell, false, lastStatus);
    }

    static Outcome<SilenceState> tick(Rule rule, Duration silentFor, SilenceState state, long now, Duty duty) {
        if (state.raised() || silentFor == null || state.at() == null) {
            return Outcome.of(state);
        }
        long from = state.lastSeen();
        if (state.kind() == SourceKind.WORKER) {
            if (!duty.on()) {
                return Outcome.of(state);
            }
            from = Math.max(from, duty.since());
        }
        if (now - from < silentFor.toMillis()) {
            return Outcome.of(state);
        }
        return new Outcome<>(state.raise(), RuleTriggers.of(rule, state.at(), state.last(), now));
    }

    /**
     * Online is a sign of life like any message. Offline (the last will) is none: the silence clock keeps
     * running from the last real message, and with {@code onOffline} the episode is raised at once.
     * Statuses count in the order they arrive, whatever their {@code ts}: a last will carries the time its
     * device connected, older than everything the device sent since, and is still its latest word. The
     * status last taken, arriving again (a redelivery, or the broker's retained status replayed when the
     * service subscribes), is no news: no sign of life, and no second raise. (Whatever the rules make of
     * a status, one already stored raises nothing: only signals new to the database raise events.)
     */
    private static Outcome<SilenceState> onStatus(SilenceRule rule, SilenceState state, DeviceStatus status,
            SourceKind kind, CellLocation at, long now) {
        if (state != null && repeats(state.lastStatus(), status)) {
            return Outcome.of(state);
        }
        TriggerSource source = new TriggerSource(kind.wireName(), status.senderId(), null, status.ts());
        if (status.online()) {
            return Outcome.of(seen(state, kind, source, at, now, status));
        }
        CellLocation cell = RuleTriggers.placed(at) ? at : state == null ? null : state.at();
        boolean wasRaised = state != null && state.raised();
        boolean raise = rule.onOffline() && !wasRaised && cell != null;
        SilenceState next = new SilenceState(kind, state == null ? now : state.lastSeen(),
                state == null ? source : state.last(), cell, wasRaised || raise, status);
        return new Outcome<>(next, raise ? RuleTriggers.of(rule, cell, source, now) : null);
    }

    private static boolean repeats(DeviceStatus last, DeviceStatus status) {
        return last != null && last.ts() == status.ts() && last.online() == status.online();
    }
}
