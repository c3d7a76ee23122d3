package city.gridcommand.rules;

import city.gridcommand.event.SourceKind;
import city.gridcommand.signal.Severity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds each kind of rule from its JSON fields and checks what only makes sense together (a clearing
 * value on the right side, a duration the condition needs). Every problem is recorded; a rule with any
 * problem is not built.
 */
final class RuleReaders {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String ID_SHAPE = "letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final String CODE_SHAPE = "a snake_case code such as \"garbage_overflow\"";
    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;
    private static final int KINDS = SourceKind.values().length;
    /** Bounds a camera's confirmation window: at most this many detection times are kept per camera. */
    private static final int MAX_DETECTIONS = 100;
    private static final Duration MAX_WITHIN = Duration.ofDays(1);

    /** The fields every rule has. */
    private record Common(String id, String name, String description, String category, Severity severity,
            String department, boolean enabled) {
    }

    private RuleReaders() {
    }

    /** The rule in {@code f}, or null when it has any problem (all of them recorded). */
    static Rule read(RuleFields f) {
        String id = f.text("id", true, ID, MAX_CODE, ID_SHAPE);
        f.identify(id);
        String type = f.text("type", true, null, MAX_CODE, null);
        Common common = new Common(id, f.text("name", true, null, MAX_NAME, null),
                f.text("description", false, null, MAX_DESCRIPTION, null),
                f.text("category", true, CODE, MAX_CODE, CODE_SHAPE), f.severity(),
                f.text("department", true, ID, MAX_CODE, ID_SHAPE), f.bool("enabled", true));
        if (type == null) {
            return null;
        }
        Rule rule = switch (type) {
            case ThresholdRule.TYPE -> threshold(f, common);
            case DetectionRule.TYPE -> detection(f, common);
            case SilenceRule.TYPE -> silence(f, common);
            case WorkerRule.TYPE -> worker(f, common);
            case CompositeRule.TYPE -> composite(f, common);
            default -> {
                f.problem("type", "must be threshold, detection, silence, worker or composite, not \"" + type + "\"");
                yield null;
            }
        };
        if (rule == null && f.clean()) {
            throw new IllegalStateException("rule " + id + " not built, yet no problem recorded");
        }
        return f.clean() ? rule : null;
    }

    private static ThresholdRule threshold(RuleFields f, Common c) {
        String metric = f.text("metric", true, Pattern.compile("[^\\u0000]+"), MAX_CODE, "a metric name");
        String symbol = f.text("operator", true, null, 2, null);
        Comparison operator = symbol == null ? null : Comparison.fromSymbol(symbol);
        if (symbol != null && operator == null) {
            f.problem("operator", "must be >, >=, < or <=, not \"" + symbol + "\"");
        }
        Double value = f.number("value", true);
        Double clearAt = f.number("clearAt", false);
        Duration sustainFor = f.duration("sustainFor", false, true);
        String prefix = f.text("devicePrefix", false, null, MAX_CODE, null);
        String capability = f.text("capability", false, null, MAX_CODE, null);
        if (operator != null && value != null && clearAt != null && !operator.clearsOnRightSide(value, clearAt)) {
            String side = operator == Comparison.GT || operator == Comparison.GE ? "at or below" : "at or above";
            f.problem("clearAt", "must be " + side + " value " + value + " for operator " + symbol
                    + ", or the rule could never clear");
        }
        f.refuseUnread();
        if (!f.clean()) {
            return null;
        }
        return new ThresholdRule(c.id, c.name, c.description, c.category, c.severity, c.department, c.enabled,
                metric, operator, value, clearAt == null ? value : clearAt, sustainFor, prefix, capability);
    }

    private static DetectionRule detection(RuleFields f, Common c) {
        Set<String> kinds = f.texts("kinds", true, CODE, CODE_SHAPE);
        Double minConfidence = f.number("minConfidence", false);
        if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
            f.problem("minConfidence", "must be between 0 and 1");
        }
        DetectionRule.Confirmation confirm = confirmation(f.object("confirm"));
        Duration cooldown = f.duration("cooldown", false, false);
        Duration clearAfter = f.duration("clearAfter", false, false);
        f.refuseUnread();
        if (!f.clean()) {
            return null;
        }
        return new DetectionRule(c.id, c.name, c.description, c.category, c.severity, c.department, c.enabled, kinds,
                minConfidence == null ? 0 : minConfidence, confirm, cooldown, clearAfter);
    }

    /** {@code "confirm": {"detections": k, "within": "PT5M", "orSecondSource": false}}, or null. */
    private static DetectionRule.Confirmation confirmation(RuleFields f) {
        if (f == null) {
            return null;
        }
        Integer detections = f.integer("detections", true);
        if (detections != null && detections < 1) {
            f.problem("detections", "must be at least 1 (1: every detection raises)");
        } else if (detections != null && detections > MAX_DETECTIONS) {
            f.problem("detections", "must be at most " + MAX_DETECTIONS);
        }
        Duration within = f.duration("within", true, false);
        if (within != null && within.compareTo(MAX_WITHIN) > 0) {
            f.problem("within", "must be at most " + MAX_WITHIN + ": a camera's detections further apart do not"
                    + " confirm each other");
        }
        boolean orSecondSource = f.bool("orSecondSource", false);
        f.refuseUnread();
        if (!f.clean() || detections == null || within == null || detections < 1 || detections > MAX_DETECTIONS) {
            return null;
        }
        return new DetectionRule.Confirmation(detections, within, orSecondSource);
    }

    private static SilenceRule silence(RuleFields f, Common c) {
        Set<String> names = f.texts("senders", true, CODE, "sensor, camera, worker or device");
        Set<SourceKind> senders = EnumSet.noneOf(SourceKind.class);
        for (String name : names == null ? Set.<String>of() : names) {
            SourceKind kind = SourceKind.fromWire(name);
            if (kind == null) {
                f.problem("senders", "must hold sensor, camera, worker or device, not \"" + name + "\"");
            } else {
                senders.add(kind);
            }
        }
        Duration silentFor = f.duration("silentFor", false, false);
        boolean onOffline = f.bool("onOffline", false);
        if (silentFor == null && !onOffline && f.clean()) {
            f.problem("silentFor", "is required unless onOffline is true: the rule would never raise");
        }
        f.refuseUnread();
        if (!f.clean()) {
            return null;
        }
        return new SilenceRule(c.id, c.name, c.description, c.category, c.severity, c.department, c.enabled, senders,
                silentFor, onOffline);
    }

    private static WorkerRule worker(RuleFields f, Common c) {
        String name = f.text("condition", true, null, MAX_CODE, null);
        WorkerRule.Condition condition = name == null ? null : WorkerRule.Condition.fromWire(name);
        if (name != null && condition == null) {
            f.problem("condition", "must be left_assigned or no_position, not \"" + name + "\"");
        }
        boolean timed = f.present("silentFor");
        Duration silentFor = f.duration("silentFor", condition == WorkerRule.Condition.NO_POSITION, false);
        if (condition == WorkerRule.Condition.LEFT_ASSIGNED && timed) {
            f.problem("silentFor", "applies only to condition no_position");
        }
        f.refuseUnread();
        if (!f.clean()) {
            return null;
        }
        return new WorkerRule(c.id, c.name, c.description, c.category, c.severity, c.department, c.enabled, condition,
                silentFor);
    }

    private static CompositeRule composite(RuleFields f, Common c) {
        Set<String> categories = f.texts("categories", false, CODE, CODE_SHAPE);
        String name = f.text("distinct", true, null, MAX_CODE, null);
        CompositeRule.Distinct distinct = name == null ? null : CompositeRule.Distinct.fromWire(name);
        if (name != null && distinct == null) {
            f.problem("distinct", "must be sources or kinds, not \"" + name + "\"");
        }
        Integer atLeast = f.integer("atLeast", true);
        if (atLeast != null && atLeast < 2) {
            f.problem("atLeast", "must be at least 2: one source alone is what the other rules already raise");
        } else if (atLeast != null && distinct == CompositeRule.Distinct.KINDS && atLeast > KINDS) {
            f.problem("atLeast", "must be at most " + KINDS + " with distinct kinds: there are no more kinds");
        }
        Duration window = f.duration("window", true, false);
        f.refuseUnread();
        if (!f.clean()) {
            return null;
        }
        return new CompositeRule(c.id, c.name, c.description, c.category, c.severity, c.department, c.enabled,
                categories == null ? Set.of() : categories, distinct, atLeast, window);
    }
}
