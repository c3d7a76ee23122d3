package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the category catalogue file. Its format (UTF-8 JSON; unknown fields are ignored, so an
 * {@code "about"} note may explain the file):
 *
 * <pre>{@code
 * {"defaults": {"levels": {"GREEN": "cell", "YELLOW": "street", "RED": "district"},
 *               "escalateSeverity": true,
 *               "deadlines": {"GREEN":  {"register": "1wh", "dispatch": "1wh", "handle": "1wd", "verify": "2wh"},
 *                             "YELLOW": {…}, "RED": {…}}},
 *  "classes":     [{"code": "city_appearance", "zh": "市容环境", "en": "City appearance and environment"}, …],
 *  "departments": [{"code": "dept-urban", "zh": "城市管理局", "en": "Urban management"}, …],
 *  "categories":  [{"code": "exposed_garbage", "class": "city_appearance", "zh": "暴露垃圾",
 *                   "en": "Exposed garbage", "department": "dept-urban",
 *                   "deadlines": {"GREEN": {"handle": "4wh"}, "YELLOW": {"handle": "2wh"}, "RED": {"handle": "1h"}},
 *                   "levels": {…}, "escalateSeverity": false}, …]}
 * }</pre>
 *
 * Every default step limit must be given for every severity. A category must give its own
 * {@code handle} limit for every severity; its other steps, {@code levels} and
 * {@code escalateSeverity} fall back to the defaults. Limits are written as {@link StepLimit} says
 * ({@code 4wh} four working hours, {@code 15m} fifteen calendar minutes). Levels are {@code cell},
 * {@code street}, {@code district}.
 */
final class CatalogueReader {

    private final List<String> problems = new ArrayList<>();

    CategoryCatalogue read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the category catalogue must be a JSON object");
        }
        DeadlineTable.Builder deadlines = DeadlineTable.builder();
        JsonNode defaults = root.path("defaults");
        Map<Severity, CaseLevel> levels = levels(defaults.path("levels"), "defaults");
        boolean escalate = defaults.path("escalateSeverity").asBoolean(true);
        steps(defaults.path("deadlines"), "defaults", true, deadlines::defaultLimit);
        List<CategoryClass> classes = new ArrayList<>();
        for (JsonNode node : array(root, "classes")) {
            classes.add(new CategoryClass(text(node, "code", "class"), text(node, "zh", "class"),
                    text(node, "en", "class")));
        }
        List<Department> departments = new ArrayList<>();
        for (JsonNode node : array(root, "departments")) {
            departments.add(new Department(text(node, "code", "department"), text(node, "zh", "department"),
                    text(node, "en", "department")));
        }
        List<Category> categories = new ArrayList<>();
        for (JsonNode node : array(root, "categories")) {
            categories.add(category(node, levels, escalate, deadlines));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid category catalogue: " + String.join("; ", problems));
        }
        return CategoryCatalogue.of(classes, departments, categories, deadlines.build());
    }

    private Category category(JsonNode node, Map<Severity, CaseLevel> defaultLevels, boolean defaultEscalate,
            DeadlineTable.Builder deadlines) {
        String code = text(node, "code", "category");
        String where = "category " + code;
        Map<Severity, CaseLevel> levels = new EnumMap<>(defaultLevels);
        if (node.has("levels")) {
            levels.putAll(levels(node.get("levels"), where));
        }
        steps(node.path("deadlines"), where, false, (severity, step, limit) -> deadlines.limit(code, severity,
                step, limit));
        for (Severity severity : Severity.values()) {
            if (node.path("deadlines").path(severity.name()).path("handle").isMissingNode()) {
                problems.add(where + ": no handle limit for " + severity);
            }
        }
        boolean escalate = node.path("escalateSeverity").asBoolean(defaultEscalate);
        return new Category(code, text(node, "class", where), text(node, "zh", where),
                text(node, "en", where), text(node, "department", where), fill(levels, where), escalate);
    }

    /** Levels by severity as written; a missing one is reported by {@link #fill}. */
    private Map<Severity, CaseLevel> levels(JsonNode node, String where) {
        Map<Severity, CaseLevel> levels = new EnumMap<>(Severity.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            Severity severity = severity(entry.getKey(), where);
            CaseLevel level = CaseLevel.fromWire(entry.getValue().asText());
            if (level == null) {
                problems.add(where + ": unknown level '" + entry.getValue().asText() + "'");
            } else if (severity != null) {
                levels.put(severity, level);
            }
        }
        return levels;
    }

    /** Every level filled (CELL where missing, after reporting it) so the record can be built. */
    private Map<Severity, CaseLevel> fill(Map<Severity, CaseLevel> levels, String where) {
        Map<Severity, CaseLevel> full = new EnumMap<>(levels);
        for (Severity severity : Severity.values()) {
            if (full.putIfAbsent(severity, CaseLevel.CELL) == null) {
                problems.add(where + ": no level for " + severity);
            }
        }
        return full;
    }

    private void steps(JsonNode bySeverity, String where, boolean complete, LimitSink sink) {
        for (Severity severity : Severity.values()) {
            JsonNode steps = bySeverity.path(severity.name());
            for (DeadlineStep step : DeadlineStep.values()) {
                JsonNode value = steps.path(step.wireName());
                if (value.isMissingNode()) {
                    if (complete) {
                        problems.add(where + ": no " + step.wireName() + " limit for " + severity);
                    }
                    continue;
                }
                StepLimit limit = StepLimit.parse(value.asText());
                if (limit == null) {
                    problems.add(where + ": " + severity + " " + step.wireName() + " limit '" + value.asText()
                            + "' is not like 4wh or 15m");
                } else {
                    sink.accept(severity, step, limit);
                }
            }
        }
    }

    private Severity severity(String name, String where) {
        try {
            return Severity.valueOf(name);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": unknown severity '" + name + "'");
            return null;
        }
    }

    private List<JsonNode> array(JsonNode root, String field) {
        List<JsonNode> nodes = new ArrayList<>();
        if (!root.path(field).isArray()) {
            problems.add("'" + field + "' must be an array");
            return nodes;
        }
        root.get(field).forEach(nodes::add);
        return nodes;
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            problems.add(where + ": '" + field + "' must be a non-empty string");
            return "";
        }
        return value.textValue();
    }

    /** Receives one step limit read from the file. */
    @FunctionalInterface
    private interface LimitSink {
        void accept(Severity severity, DeadlineStep step, StepLimit limit);
    }
}
