package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.SourceKind;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.rules.InstalledRules.DetectionSlot;
import city.gridcommand.rules.InstalledRules.Slot;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerCellChange;
import city.gridcommand.signal.WorkerPosition;
import city.gridcommand.signal.WorkerReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Runs a rule set over placed signals, worker cell changes and clock ticks, holding every rule's state
 * and returning the triggers raised. Thread-safe: each (rule, sender) or (rule, cell) state is updated
 * atomically; one call sees one rule set throughout, even while {@link #replaceRules} swaps it.
 * Triggers of the other rules feed the composite rules; composite triggers feed nothing.
 */
public final class RuleEngine {

    private final LongPredicate onDuty;
    private final LongSupplier clock;
    private final AtomicReference<Duty> duty;
    /** Each worker's last known cell, for one who leaves their assigned cells by leaving the grid. */
    private final Map<String, CellLocation> workerCells = new ConcurrentHashMap<>();
    /** Each sender's kind as its feeds show it, to know whose a status is. */
    private final Map<String, SourceKind> senderKinds = new ConcurrentHashMap<>();
    private volatile InstalledRules installed;

    /** An engine whose workers are always on duty, on the system clock. */
    public RuleEngine(RuleSet rules) {
        this(rules, now -> true, System::currentTimeMillis);
    }

    /**
     * {@code onDuty} says whether grid workers are on duty at an instant (e.g. the locate stage's duty
     * hours); {@code clock} (epoch ms) times the calls that take no {@code now}.
     */
    public RuleEngine(RuleSet rules, LongPredicate onDuty, LongSupplier clock) {
        this.onDuty = onDuty;
        this.clock = clock;
        long start = clock.getAsLong();
        this.duty = new AtomicReference<>(new Duty(onDuty.test(start), start));
        this.installed = InstalledRules.install(rules, null);
    }

    public RuleSet rules() {
        return installed.ruleSet;
    }

    /** Puts {@code rules} in force at once; unchanged rules (same id and definition) keep their state. */
    public synchronized void replaceRules(RuleSet rules) {
        installed = InstalledRules.install(rules, installed);
    }

    /** How many states the rules hold (for a gauge): bounded by rules × senders. */
    public long stateCount() {
        return installed.stateCount() + workerCells.size() + senderKinds.size();
    }

    public List<EventTrigger> onSignal(Signal signal, CellLocation location) {
        return onSignal(signal, location, clock.getAsLong());
    }

    /** The triggers {@code signal}, placed at {@code location} (null: unplaced), raises at {@code now}. */
    public List<EventTrigger> onSignal(Signal signal, CellLocation location, long now) {
        InstalledRules rules = installed;
        Triggers out = new Triggers();
        if (signal instanceof Telemetry reading) {
            for (Slot<ThresholdRule, ThresholdEvaluation.State> slot : rules.thresholds) {
                // Most rules watch a metric this reading lacks: skip them without touching the map.
                if (reading.metrics().containsKey(slot.rule().metric())) {
                    update(slot, signal.senderId(), out,
                            s -> ThresholdEvaluation.evaluate(slot.rule(), s, reading, location, now));
                    stillPast(rules, slot, reading, location, now);
                }
            }
        } else if (signal instanceof Detection detection) {
            for (DetectionRule rule : rules.detections) {
                out.add(DetectionEvaluation.evaluate(rule, detection, location, now));
            }
            for (DetectionSlot slot : rules.confirmed) {
                onConfirmedDetection(slot, detection, location, now, out);
            }
        } else if (signal instanceof WorkerPosition position) {
            onPosition(rules, position, location, now, out);
        } else if (signal instanceof WorkerReport report && RuleTriggers.placed(location)) {
            noteSource(rules, report.category(), location.baseCell(), TriggerSource.of(report), null, now);
        }
        SourceKind kind = kindOf(signal);
        for (Slot<SilenceRule, SilenceState> slot : rules.silences) {
            // Kinds the rule does not watch are none of its business, unless it must drop a sender's state.
            if (slot.rule().watches(kind) || slot.states().containsKey(signal.senderId())) {
                update(slot, signal.senderId(), out,
                        s -> SilenceEvaluation.onSignal(slot.rule(), s, signal, kind, location, now));
            }
        }
        return withComposites(rules, out, now);
    }

    /**
     * Tells the silence and no-position rules of a message they did not see: a sender's last message
     * before a restart, or one another instance took ({@code last}, heard at {@code lastSeen} on the
     * service clock, from {@code at}). What the rules already know of a later message wins; an older
     * state, raised or not, is replaced. Without this, a sender that fell silent while the service was
     * down would never be reported, because the rules learn of a sender only from its messages.
     */
    public void recall(SourceKind kind, TriggerSource last, CellLocation at, long lastSeen) {
        InstalledRules rules = installed;
        String sender = last.id();
        SilenceState seed = SilenceEvaluation.seen(null, kind, last, at, lastSeen);
        BiFunction<String, SilenceState, SilenceState> newer =
                (k, state) -> state == null || state.lastSeen() < lastSeen ? seed : state;
        if (kind != SourceKind.DEVICE) {
            senderKinds.putIfAbsent(sender, kind);
        }
        for (Slot<SilenceRule, SilenceState> slot : rules.silences) {
            if (slot.rule().watches(kind)) {
                slot.states().compute(sender, newer);
            }
        }
        if (kind == SourceKind.WORKER) {
            for (Slot<WorkerRule, SilenceState> slot : rules.noPosition) {
                slot.states().compute(sender, newer);
            }
            if (RuleTriggers.placed(at)) {
                workerCells.putIfAbsent(sender, at);
            }
        }
    }

    /** Whether {@code ruleId} raises on silence (a silence or no-position rule in force). */
    public boolean isSilenceRule(String ruleId) {
        InstalledRules rules = installed;
        return rules.silences.stream().anyMatch(slot -> slot.rule().id().equals(ruleId))
                || rules.noPosition.stream().anyMatch(slot -> slot.rule().id().equals(ruleId));
    }

    public List<EventTrigger> onWorkerChange(WorkerCellChange change, CellLocation location) {
        return onWorkerChange(change, location, clock.getAsLong());
    }

    /**
     * The triggers a worker's cell change raises; {@code location} is where the worker is now. One who
     * left the grid altogether is reported in the last cell they were seen in.
     */
    public List<EventTrigger> onWorkerChange(WorkerCellChange change, CellLocation location, long now) {
        InstalledRules rules = installed;
        if (rules.leftAssigned.isEmpty()) {
            return List.of();
        }
        CellLocation at = RuleTriggers.placed(location) ? location : workerCells.get(change.workerId());
        Triggers out = new Triggers();
        for (WorkerRule rule : rules.leftAssigned) {
            out.add(WorkerEvaluation.onCellChange(rule, change, at, now));
        }
        return withComposites(rules, out, now);
    }

    /**
     * Evaluates the clock at {@code now}: silences and missing positions that have lasted long enough are
     * raised, composite windows, cameras' confirmation windows and cooldowns and cells' second sources
     * drop what has fallen out of them. Meant to run every few seconds.
     */
    public List<EventTrigger> tick(long now) {
        InstalledRules rules = installed;
        Duty current = dutyAt(now);
        Triggers out = new Triggers();
        for (Slot<SilenceRule, SilenceState> slot : rules.silences) {
            sweep(slot.states(), out, s -> SilenceEvaluation.tick(slot.rule(), s, now, current));
        }
        for (Slot<WorkerRule, SilenceState> slot : rules.noPosition) {
            sweep(slot.states(), out, s -> WorkerEvaluation.tick(slot.rule(), s, now, current));
        }
        for (Slot<CompositeRule, CompositeWindow> slot : rules.composites) {
            sweep(slot.states(), out, w -> Outcome.of(CompositeEvaluation.expire(slot.rule(), w, now)));
        }
        for (DetectionSlot slot : rules.confirmed) {
            sweep(slot.cameras(), out, w -> Outcome.of(DetectionEvaluation.expire(slot.rule(), w, now)));
            sweep(slot.cells(), out, w -> Outcome.of(DetectionEvaluation.expireCell(slot.rule(), w, now)));
        }
        return withComposites(rules, out, now);
    }

    private void onPosition(InstalledRules rules, WorkerPosition position, CellLocation location, long now,
            Triggers out) {
        if (RuleTriggers.placed(location)) {
            workerCells.put(position.senderId(), location);
        }
        for (Slot<WorkerRule, SilenceState> slot : rules.noPosition) {
            update(slot, position.senderId(), out,
                    s -> WorkerEvaluation.onPosition(slot.rule(), s, position, location, now));
        }
    }

    /** Feeds every trigger of the other rules to the composites of its cell; appends what they raise. */
    private static List<EventTrigger> withComposites(InstalledRules rules, Triggers out, long now) {
        List<EventTrigger> base = out.list();
        noteSecondSources(rules, base, now);
        if (base.isEmpty() || rules.composites.isEmpty()) {
            return base;
        }
        Triggers composed = new Triggers();
        for (EventTrigger trigger : base) {
            for (Slot<CompositeRule, CompositeWindow> slot : rules.composites) {
                update(slot, trigger.cell(), composed,
                        w -> CompositeEvaluation.onTrigger(slot.rule(), w, trigger, now));
            }
        }
        List<EventTrigger> all = new ArrayList<>(base);
        all.addAll(composed.list());
        return all;
    }

    /**
     * One detection for a rule that confirms or cools down: the camera's window is updated atomically
     * (with a snapshot of the cell's other sources); a matching detection is then noted as a source of the
     * cell, for the other cameras there.
     */
    private static void onConfirmedDetection(DetectionSlot slot, Detection detection, CellLocation location, long now,
            Triggers out) {
        DetectionRule rule = slot.rule();
        if (!rule.matches(detection) || !RuleTriggers.placed(location)) {
            return;
        }
        CompositeWindow sources = rule.watchesSecondSource() ? slot.cells().get(location.baseCell()) : null;
        slot.cameras().compute(detection.senderId(), (camera, window) -> {
            Outcome<CameraWindow> outcome = DetectionEvaluation.onDetection(rule, window, detection, location,
                    sources, now);
            out.add(outcome.trigger());
            return outcome.state();
        });
        if (rule.watchesSecondSource()) {
            slot.cells().compute(location.baseCell(), (cell, before) ->
                    DetectionEvaluation.signalled(rule, before, TriggerSource.of(detection), now));
        }
    }

    /** Every trigger of another rule is a second source, in its cell, for the rules of its category that watch one. */
    private static void noteSecondSources(InstalledRules rules, List<EventTrigger> triggers, long now) {
        if (triggers.isEmpty() || rules.secondSource.isEmpty()) {
            return;
        }
        for (EventTrigger trigger : triggers) {
            noteSource(rules, trigger.category(), trigger.cell(), trigger.source(), trigger.ruleId(), now);
        }
    }

    /**
     * A sensor whose reading keeps its threshold episode raised (past the threshold, not yet cleared)
     * still signals its cell: a threshold raises once per episode, yet the smoke is still there.
     */
    private static void stillPast(InstalledRules rules, Slot<ThresholdRule, ThresholdEvaluation.State> slot,
            Telemetry reading, CellLocation location, long now) {
        if (rules.secondSource.isEmpty() || !RuleTriggers.placed(location)) {
            return;
        }
        ThresholdEvaluation.State state = slot.states().get(reading.senderId());
        if (state != null && state.raised()) {
            noteSource(rules, slot.rule().category(), location.baseCell(), TriggerSource.of(reading), null, now);
        }
    }

    /** {@code source} signalled {@code category} in {@code cell}: a second source there for the rules that watch one. */
    private static void noteSource(InstalledRules rules, String category, String cell, TriggerSource source,
            String byRule, long now) {
        for (DetectionSlot slot : rules.secondSource) {
            DetectionRule rule = slot.rule();
            if (rule.category().equals(category) && !rule.id().equals(byRule)) {
                slot.cells().compute(cell, (key, before) -> DetectionEvaluation.signalled(rule, before, source, now));
            }
        }
    }

    /** The sender's kind: its feed's, or for a status the kind its feeds have shown (DEVICE if none yet). */
    private SourceKind kindOf(Signal signal) {
        SourceKind kind = SourceKind.of(signal);
        SourceKind known = senderKinds.get(signal.senderId());
        if (kind == SourceKind.DEVICE) {
            return known == null ? SourceKind.DEVICE : known;
        }
        if (known != kind) {
            senderKinds.put(signal.senderId(), kind);
        }
        return kind;
    }

    private Duty dutyAt(long now) {
        boolean on = onDuty.test(now);
        return duty.updateAndGet(d -> d.on() == on ? d : new Duty(on, now));
    }

    /** One atomic step of one key's state; the step runs exactly once (ConcurrentHashMap.compute). */
    private static <S> void update(Slot<?, S> slot, String key, Triggers out,
            Function<S, Outcome<S>> step) {
        slot.states().compute(key, (k, state) -> {
            Outcome<S> outcome = step.apply(state);
            out.add(outcome.trigger());
            return outcome.state();
        });
    }

    /**
     * Applies a tick step to every key. The step is tried on the current value first, so keys it leaves
     * alone (most of them) cost no lock; the others are redone atomically.
     */
    private static <S> void sweep(ConcurrentHashMap<String, S> states, Triggers out,
            Function<S, Outcome<S>> step) {
        for (Map.Entry<String, S> entry : states.entrySet()) {
            Outcome<S> peek = step.apply(entry.getValue());
            if (peek.trigger() == null && peek.state() == entry.getValue()) {
                continue;
            }
            BiFunction<String, S, S> atomic = (k, state) -> {
                Outcome<S> outcome = step.apply(state);
                out.add(outcome.trigger());
                return outcome.state();
            };
            states.computeIfPresent(entry.getKey(), atomic);
        }
    }

    /** Collects triggers, allocating only when there is one: most signals raise none. */
    private static final class Triggers {
        private List<EventTrigger> list;

        void add(EventTrigger trigger) {
            if (trigger != null) {
                if (list == null) {
                    list = new ArrayList<>(2);
                }
                list.add(trigger);
            }
        }

        List<EventTrigger> list() {
            return list == null ? List.of() : list;
        }
    }
}
