package city.gridcommand.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rule set as the engine runs it: the enabled rules sorted by kind, each with its state map (keyed
 * by sender for per-sender rules, by cell for composites). Immutable but for the states; replacing the
 * rule set builds a new one that takes over the states of unchanged rules.
 */
final class InstalledRules {

    /** A rule and its states. */
    record Slot<R extends Rule, S>(R rule, ConcurrentHashMap<String, S> states) {
    }

    /**
     * A detection rule that confirms or cools down: its cameras' windows (keyed by camera id) and, when it
     * watches for a second source, who has signalled its category in each cell (keyed by base cell).
     */
    record DetectionSlot(DetectionRule rule, ConcurrentHashMap<String, CameraWindow> cameras,
            ConcurrentHashMap<String, CompositeWindow> cells) {
    }

    final RuleSet ruleSet;
    final List<Slot<ThresholdRule, ThresholdEvaluation.State>> thresholds = new ArrayList<>();
    /** The detection rules that raise for every matching detection (no state). */
    final List<DetectionRule> detections = new ArrayList<>();
    /** The detection rules that confirm or cool down. */
    final List<DetectionSlot> confirmed = new ArrayList<>();
    /** Of {@link #confirmed}, those that listen for a second source in the cell. */
    final List<DetectionSlot> secondSource = new ArrayList<>();
    final List<Slot<SilenceRule, SilenceState>> silences = new ArrayList<>();
    final List<WorkerRule> leftAssigned = new ArrayList<>();
    final List<Slot<WorkerRule, SilenceState>> noPosition = new ArrayList<>();
    final List<Slot<CompositeRule, CompositeWindow>> composites = new ArrayList<>();

    private InstalledRules(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /**
     * Installs {@code ruleSet}; a rule present in {@code previous} with the same id and the same
     * definition keeps its states (a sustain clock, a raised episode, a window), any other starts afresh.
     */
    static InstalledRules install(RuleSet ruleSet, InstalledRules previous) {
        Map<String, Slot<?, ?>> kept = previous == null ? Map.of() : previous.slotsById();
        Map<String, DetectionSlot> keptDetections = new HashMap<>();
        if (previous != null) {
            previous.confirmed.forEach(slot -> keptDetections.put(slot.rule().id(), slot));
        }
        InstalledRules installed = new InstalledRules(ruleSet);
        for (Rule rule : ruleSet.rules()) {
            if (rule.enabled() && rule instanceof DetectionRule r && r.stateful()) {
                DetectionSlot before = keptDetections.get(r.id());
                DetectionSlot slot = before != null && before.rule().equals(r) ? before
                        : new DetectionSlot(r, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
                installed.confirmed.add(slot);
                if (r.watchesSecondSource()) {
                    installed.secondSource.add(slot);
                }
            } else if (rule.enabled()) {
                installed.add(rule, kept.get(rule.id()));
            }
        }
        return installed;
    }

    /** How many states all rules hold: bounded by rules × senders (and cells), never by messages. */
    long stateCount() {
        long count = 0;
        for (Slot<?, ?> slot : slots()) {
            count += slot.states().size();
        }
        for (DetectionSlot slot : confirmed) {
            count += slot.cameras().size() + slot.cells().size();
        }
        return count;
    }

    List<Slot<?, ?>> slots() {
        List<Slot<?, ?>> slots = new ArrayList<>();
        slots.addAll(thresholds);
        slots.addAll(silences);
        slots.addAll(noPosition);
        slots.addAll(composites);
        return slots;
    }

    private void add(Rule rule, Slot<?, ?> previous) {
        if (rule instanceof ThresholdRule r) {
            thresholds.add(new Slot<>(r, statesOf(r, previous)));
        } else if (rule instanceof DetectionRule r) {
            detections.add(r);
        } else if (rule instanceof SilenceRule r) {
            silences.add(new Slot<>(r, statesOf(r, previous)));
        } else if (rule instanceof WorkerRule r && r.condition() == WorkerRule.Condition.LEFT_ASSIGNED) {
            leftAssigned.add(r);
        } else if (rule instanceof WorkerRule r) {
            noPosition.add(new Slot<>(r, statesOf(r, previous)));
        } else if (rule instanceof CompositeRule r) {
            composites.add(new Slot<>(r, statesOf(r, previous)));
        }
    }

    // Safe: a slot kept for an equal rule was built for the same rule type, so its states are of type S.
    @SuppressWarnings("unchecked")
    private static <S> ConcurrentHashMap<String, S> statesOf(Rule rule, Slot<?, ?> previous) {
        if (previous != null && previous.rule().equals(rule)) {
            return (ConcurrentHashMap<String, S>) previous.states();
        }
        return new ConcurrentHashMap<>();
    }

    private Map<String, Slot<?, ?>> slotsById() {
        Map<String, Slot<?, ?>> byId = new HashMap<>();
        for (Slot<?, ?> slot : slots()) {
            byId.put(slot.rule().id(), slot);
        }
        return byId;
    }
}
