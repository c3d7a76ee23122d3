package city.gridcommand.rules;

import city.gridcommand.event.SourceKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Writes a rule set in the JSON form {@link RuleSetParser} reads (what {@code GET /api/v1/rules} serves):
 * every field spelled out, defaults included, sets sorted so the output is stable.
 */
public final class RuleSetWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RuleSetWriter() {
    }

    public static byte[] toJson(RuleSet ruleSet) {
        try {
            return JSON.writeValueAsBytes(toTree(ruleSet));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of strings and numbers always serialises", e);
        }
    }

    /** The document {@code {"rules": [...]}}. */
    public static ObjectNode toTree(RuleSet ruleSet) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rules = root.putArray("rules");
        for (Rule rule : ruleSet.rules()) {
            rules.add(toTree(rule));
        }
        return root;
    }

    public static ObjectNode toTree(Rule rule) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", rule.type());
        node.put("id", rule.id());
        node.put("name", rule.name());
        if (rule.description() != null) {
            node.put("description", rule.description());
        }
        node.put("category", rule.category());
        node.put("severity", rule.severity().name());
        node.put("department", rule.department());
        node.put("enabled", rule.enabled());
        if (rule instanceof ThresholdRule r) {
            writeThreshold(node, r);
        } else if (rule instanceof DetectionRule r) {
            strings(node, "kinds", r.kinds());
            node.put("minConfidence", r.minConfidence());
            if (r.confirm() != null) {
                ObjectNode confirm = node.putObject("confirm");
                confirm.put("detections", r.confirm().detections());
                confirm.put("within", r.confirm().within().toString());
                confirm.put("orSecondSource", r.confirm().orSecondSource());
            }
            duration(node, "cooldown", r.cooldown());
            duration(node, "clearAfter", r.clearAfter());
        } else if (rule instanceof SilenceRule r) {
            strings(node, "senders", r.senders().stream().map(SourceKind::wireName).toList());
            duration(node, "silentFor", r.silentFor());
            node.put("onOffline", r.onOffline());
        } else if (rule instanceof WorkerRule r) {
            node.put("condition", r.condition().wireName());
            duration(node, "silentFor", r.silentFor());
        } else if (rule instanceof CompositeRule r) {
            strings(node, "categories", r.categories());
            node.put("distinct", r.distinct().wireName());
            node.put("atLeast", r.atLeast());
            duration(node, "window", r.window());
        }
        return node;
    }

    private static void writeThreshold(ObjectNode node, ThresholdRule r) {
        node.put("metric", r.metric());
        node.put("operator", r.operator().symbol());
        node.put("value", r.value());
        node.put("clearAt", r.clearAt());
        duration(node, "sustainFor", r.sustainFor());
        if (r.devicePrefix() != null) {
            node.put("devicePrefix", r.devicePrefix());
        }
        if (r.capability() != null) {
            node.put("capability", r.capability());
        }
    }

    private static void strings(ObjectNode node, String field, Collection<String> values) {
        ArrayNode array = node.putArray(field);
        new TreeSet<>(values).forEach(array::add);
    }

    private static void duration(ObjectNode node, String field, Duration duration) {
        if (duration != null) {
            node.put(field, duration.toString());
        }
    }
}
