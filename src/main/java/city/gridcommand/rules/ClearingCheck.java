package city.gridcommand.rules;

import city.gridcommand.event.SourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the condition that raised a machine's event has cleared, source by source: a sensor's latest
 * reading back past every threshold's {@code clearAt}, a camera that has not seen the kind for the
 * detection rule's {@code clearAfter}, a silent or offline device (or a worker's terminal) heard again.
 * The rules judged are those of the event's category in force, and of the categories that feed a
 * composite rule of it (a flooding event may have a waterlogging camera among its sources). An event
 * clears only when every one of its sources has; a source no rule speaks for (a person's report), or one
 * whose rule cannot tell (a detection rule without {@code clearAfter}, a worker out of their cells), keeps
 * it. Pure: the evidence is read elsewhere ({@link #needs}) and handed in.
 */
public final class ClearingCheck {

    /** A sender's last message: when it arrived (service clock) and whether it was an offline status. */
    public record SenderLife(long lastHeardAt, boolean offline) {
    }

    /** An open machine event to judge: its category and its sources ({@code kind:id}). */
    public record Candidate(String category, List<String> sources) {
    }

    /**
     * What must be read to judge some events: the sensors' latest readings, the senders' last messages
     * (devices and workers), and per detection rule the cameras whose recent matching detections count.
     */
    public record Needs(Set<String> sensors, Set<String> devices, Set<String> workers,
            Map<DetectionRule, Set<String>> cameras) {

        public boolean isEmpty() {
            return sensors.isEmpty() && devices.isEmpty() && workers.isEmpty() && cameras.isEmpty();
        }
    }

    /**
     * What was read: each sensor's latest reading, each sender's last message, and per detection rule id
     * the cameras that did see a matching detection within the rule's {@code clearAfter}.
     */
    public record Evidence(Map<String, Map<String, Double>> readings, Map<String, SenderLife> lives,
            Map<String, Set<String>> seeing) {
    }

    private final Map<String, List<Rule>> byCategory = new HashMap<>();

    public ClearingCheck(RuleSet rules) {
        Map<String, Set<String>> fedBy = new HashMap<>();
        for (Rule rule : rules.rules()) {
            if (rule.enabled() && rule instanceof CompositeRule composite) {
                fedBy.computeIfAbsent(composite.category(), c -> new HashSet<>()).addAll(composite.categories());
            }
        }
        for (Rule rule : rules.rules()) {
            if (!rule.enabled() || rule instanceof CompositeRule) {
                continue;
            }
            byCategory.computeIfAbsent(rule.category(), c -> new ArrayList<>()).add(rule);
            fedBy.forEach((category, feeders) -> {
                if (!category.equals(rule.category()) && feeders.contains(rule.category())) {
                    byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(rule);
                }
            });
        }
    }

    /** What to read to judge these events. */
    public Needs needs(List<Candidate> candidates) {
        Needs needs = new Needs(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashMap<>());
        for (Candidate candidate : candidates) {
            for (String source : candidate.sources()) {
                Source s = Source.parse(source);
                if (s == null) {
                    continue;
                }
                for (Rule rule : rulesOf(candidate.category())) {
                    need(needs, rule, s);
                }
            }
        }
        return needs;
    }

    /** The reason the event has cleared at {@code now}, or empty while any of its sources still holds it. */
    public Optional<String> cleared(Candidate candidate, Evidence evidence, long now) {
        if (candidate.sources().isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>(candidate.sources().size());
        for (String source : candidate.sources()) {
            Source s = Source.parse(source);
            String reason = s == null ? null : sourceCleared(rulesOf(candidate.category()), s, evidence, now);
            if (reason == null) {
                return Optional.empty();
            }
            reasons.add(reason);
        }
        return Optional.of("condition cleared: " + String.join("; ", reasons));
    }

    private List<Rule> rulesOf(String category) {
        return byCategory.getOrDefault(category, List.of());
    }

    private static void need(Needs needs, Rule rule, Source s) {
        if (rule instanceof ThresholdRule && s.kind == SourceKind.SENSOR) {
            needs.sensors().add(s.id);
        } else if (rule instanceof DetectionRule detection && s.kind == SourceKind.CAMERA
                && detection.clearAfter() != null) {
            needs.cameras().computeIfAbsent(detection, r -> new HashSet<>()).add(s.id);
        } else if (rule instanceof SilenceRule silence && silence.watches(s.kind)) {
            needs.devices().add(s.id);
        } else if (rule instanceof WorkerRule worker && s.kind == SourceKind.WORKER
                && worker.condition() == WorkerRule.Condition.NO_POSITION) {
            needs.workers().add(s.id);
        }
    }

    /** Why this source no longer holds the event, or null while it does (or no rule can tell). */
    private static String sourceCleared(List<Rule> rules, Source s, Evidence evidence, long now) {
        int judged = 0;
        List<String> why = new ArrayList<>(2);
        for (Rule rule : rules) {
            Verdict verdict = judge(rule, s, evidence, now);
            if (verdict.state == Verdict.State.HOLDS) {
                return null;
            }
            if (verdict.state == Verdict.State.CLEARED) {
                judged++;
                why.add(verdict.reason);
            }
        }
        return judged == 0 ? null : s.id + " " + String.join(", ", why);
    }

    /** One rule's verdict on one source: it still holds the event, it cleared (and why), or it is not the rule's. */
    private record Verdict(State state, String reason) {
        enum State { HOLDS, CLEARED, NOT_CONCERNED }

        static final Verdict HOLDS = new Verdict(State.HOLDS, null);
        static final Verdict NOT_CONCERNED = new Verdict(State.NOT_CONCERNED, null);

        static Verdict cleared(String reason) {
            return new Verdict(State.CLEARED, reason);
        }
    }

    private static Verdict judge(Rule rule, Source s, Evidence evidence, long now) {
        if (rule instanceof ThresholdRule threshold && s.kind == SourceKind.SENSOR) {
            return threshold(threshold, s.id, evidence.readings().get(s.id));
        }
        if (rule instanceof DetectionRule detection && s.kind == SourceKind.CAMERA) {
            if (detection.clearAfter() == null) {
                return Verdict.HOLDS;
            }
            boolean seeing = evidence.seeing().getOrDefault(detection.id(), Set.of()).contains(s.id);
            return seeing ? Verdict.HOLDS
                    : Verdict.cleared("has not seen " + String.join("/", detection.kinds().stream().sorted().toList())
                            + " for " + detection.clearAfter());
        }
        if (rule instanceof SilenceRule silence && silence.watches(s.kind)) {
            return alive(evidence.lives().get(s.id), silence.silentFor(), now);
        }
        if (rule instanceof WorkerRule worker && s.kind == SourceKind.WORKER) {
            return worker.condition() == WorkerRule.Condition.NO_POSITION
                    ? alive(evidence.lives().get(s.id), worker.silentFor(), now) : Verdict.HOLDS;
        }
        return Verdict.NOT_CONCERNED;
    }

    private static Verdict threshold(ThresholdRule rule, String sensor, Map<String, Double> reading) {
        if (reading == null) {
            return Verdict.HOLDS;
        }
        Double value = reading.get(rule.metric());
        if (value == null || !rule.appliesTo(sensor, reading)) {
            return Verdict.NOT_CONCERNED;
        }
        return rule.operator().cleared(value, rule.clearAt())
                ? Verdict.cleared(rule.metric() + " " + value + " back past " + rule.clearAt()) : Verdict.HOLDS;
    }

    /** Heard again: its last message is not an offline status and, for a silence rule, is recent enough. */
    private static Verdict alive(SenderLife life, Duration silentFor, long now) {
        if (life == null || life.offline() || (silentFor != null && now - life.lastHeardAt() >= silentFor.toMillis())) {
            return Verdict.HOLDS;
        }
        return Verdict.cleared("heard again");
    }

    /** A source as the event lists it, {@code kind:id}. */
    private record Source(SourceKind kind, String id) {

        static Source parse(String source) {
            int colon = source.indexOf(':');
            SourceKind kind = colon < 0 ? null : SourceKind.fromWire(source.substring(0, colon));
            return kind == null ? null : new Source(kind, source.substring(colon + 1));
        }
    }
}
