package city.gridcommand.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a rule set from its JSON document, {@code {"about": "…", "rules": [ {"type": "threshold", …}, … ]}},
 * and validates it whole: either every rule is good and the set is returned, or every problem is, each
 * naming the rule (index and id) and the field. Durations are ISO-8601 strings ("PT15M").
 */
public final class RuleSetParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuleSetParser() {
    }

    public static RuleSetResult parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return RuleSetResult.refused(List.of(document("(body)", "is not valid JSON: " + describe(e))));
        } catch (IOException e) {
            return RuleSetResult.refused(List.of(document("(body)", "cannot be read: " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            return RuleSetResult.refused(List.of(document("(body)", "must be a JSON object with a \"rules\" array")));
        }
        List<RuleProblem> problems = new ArrayList<>();
        checkDocumentFields(root, problems);
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            problems.add(document("rules", "must be an array of rules"));
            return RuleSetResult.refused(problems);
        }
        List<Rule> read = readRules(rules, problems);
        return problems.isEmpty() ? RuleSetResult.accepted(new RuleSet(read)) : RuleSetResult.refused(problems);
    }

    private static List<Rule> readRules(JsonNode rules, List<RuleProblem> problems) {
        List<Rule> read = new ArrayList<>(rules.size());
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode node = rules.get(i);
            if (!node.isObject()) {
                problems.add(new RuleProblem(i, null, "(rule)", "must be a JSON object"));
                continue;
            }
            Rule rule = RuleReaders.read(new RuleFields(node, i, problems));
            JsonNode id = node.get("id");
            if (id != null && id.isTextual()) {
                Integer first = firstIndexOfId.putIfAbsent(id.textValue(), i);
                if (first != null) {
                    problems.add(new RuleProblem(i, id.textValue(), "id", "repeats the id of rules[" + first + "]"));
                }
            }
            if (rule != null) {
                read.add(rule);
            }
        }
        return read;
    }

    private static void checkDocumentFields(JsonNode root, List<RuleProblem> problems) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("about")) {
                if (!root.get(name).isTextual()) {
                    problems.add(document(name, "must be a string"));
                }
            } else if (!name.equals("rules")) {
                problems.add(document(name, "is not a field of a rule set (only \"about\" and \"rules\")"));
            }
        }
    }

    private static RuleProblem document(String field, String detail) {
        return new RuleProblem(-1, null, field, detail);
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return e.getOriginalMessage() + where;
    }
}
