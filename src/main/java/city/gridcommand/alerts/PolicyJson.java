package city.gridcommand.alerts;

import city.gridcommand.signal.Severity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The policy set as JSON, read and validated as a whole (every problem with its field path) and written back:
 * <pre>{"policies":[{"id":"red","severity":"RED","category":"fire","repeat":2,
 *   "steps":[{"notify":"cell_workers"},{"notify":"oncall","department":"centre","level":"street","wait":"PT5M"}]}]}</pre>
 */
public final class PolicyJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LEVELS = Set.of("district", "street", "community");
    private static final Set<String> POLICY_FIELDS = Set.of("id", "category", "severity", "repeat", "steps", "about");
    private static final Set<String> STEP_FIELDS = Set.of("notify", "department", "level", "person", "wait");
    /** Most rounds a chain may run: a chain is for waking someone, not for paging all night. */
    public static final int MAX_REPEAT = 10;

    private PolicyJson() {
    }

    public static PolicyResult parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return refused(new PolicyProblem("", "not JSON: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return refused(new PolicyProblem("", "must be an object with \"policies\""));
        }
        JsonNode list = root.get("policies");
        if (list == null || !list.isArray()) {
            return refused(new PolicyProblem("policies", "required: an array of policies"));
        }
        List<PolicyProblem> problems = new ArrayList<>();
        List<EscalationPolicy> policies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "policies[" + i + "]";
            EscalationPolicy policy = policy(list.get(i), at, problems);
            if (policy == null) {
                continue;
            }
            if (!ids.add(policy.id())) {
                problems.add(new PolicyProblem(at + ".id", "another policy has the id '" + policy.id() + "'"));
            }
            if (!keys.add(policy.category() + "/" + policy.severity())) {
                problems.add(new PolicyProblem(at, "another policy is for the same category and severity"));
            }
            policies.add(policy);
        }
        return problems.isEmpty() ? new PolicyResult(new PolicySet(policies), List.of())
                : new PolicyResult(null, problems);
    }

    private static EscalationPolicy policy(JsonNode node, String at, List<PolicyProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new PolicyProblem(at, "must be an object"));
            return null;
        }
        int before = problems.size();
        unknownFields(node, POLICY_FIELDS, at, problems);
        String id = text(node, "id", at, true, problems);
        String category = text(node, "category", at, false, problems);
        Severity severity = null;
        String severityName = text(node, "severity", at, false, problems);
        if (severityName != null) {
            try {
                severity = Severity.valueOf(severityName);
            } catch (IllegalArgumentException e) {
                problems.add(new PolicyProblem(at + ".severity", "one of GREEN, YELLOW, RED, not '" + severityName + "'"));
            }
        }
        int repeat = 1;
        JsonNode repeatNode = node.get("repeat");
        if (repeatNode != null && !repeatNode.isNull()) {
            if (!repeatNode.isInt() || repeatNode.asInt() < 1 || repeatNode.asInt() > MAX_REPEAT) {
                problems.add(new PolicyProblem(at + ".repeat", "the rounds the chain runs: 1 to " + MAX_REPEAT));
            } else {
                repeat = repeatNode.asInt();
            }
        }
        List<PolicyStep> steps = new ArrayList<>();
        JsonNode stepList = node.get("steps");
        if (stepList == null || !stepList.isArray() || stepList.isEmpty()) {
            problems.add(new PolicyProblem(at + ".steps", "required: at least one step"));
        } else {
            for (int s = 0; s < stepList.size(); s++) {
                PolicyStep step = step(stepList.get(s), at + ".steps[" + s + "]", problems);
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        return problems.size() > before ? null : new EscalationPolicy(id, category, severity, steps, repeat);
    }

    private static PolicyStep step(JsonNode node, String at, List<PolicyProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new PolicyProblem(at, "must be an object"));
            return null;
        }
        int before = problems.size();
        unknownFields(node, STEP_FIELDS, at, problems);
        String notifyName = text(node, "notify", at, true, problems);
        NotifyTarget notify = NotifyTarget.fromWire(notifyName);
        if (notifyName != null && notify == null) {
            problems.add(new PolicyProblem(at + ".notify",
                    "one of cell_workers, oncall, leader, person, not '" + notifyName + "'"));
        }
        String department = text(node, "department", at, false, problems);
        String level = text(node, "level", at, false, problems);
        String person = text(node, "person", at, false, problems);
        if (level != null && !LEVELS.contains(level)) {
            problems.add(new PolicyProblem(at + ".level", "one of district, street, community, not '" + level + "'"));
        }
        if (notify != null && notify != NotifyTarget.ONCALL) {
            if (department != null) {
                problems.add(new PolicyProblem(at + ".department", "only an oncall step names a department"));
            }
            if (level != null) {
                problems.add(new PolicyProblem(at + ".level", "only an oncall step names a level"));
            }
        }
        if (notify == NotifyTarget.PERSON && person == null) {
            problems.add(new PolicyProblem(at + ".person", "required for a person step"));
        }
        if (notify != null && notify != NotifyTarget.PERSON && person != null) {
            problems.add(new PolicyProblem(at + ".person", "only a person step names a person"));
        }
        Duration wait = null;
        String waitText = text(node, "wait", at, false, problems);
        if (waitText != null) {
            try {
                wait = Duration.parse(waitText);
                if (wait.isNegative() || wait.isZero()) {
                    problems.add(new PolicyProblem(at + ".wait", "must be positive, not " + waitText));
                }
            } catch (DateTimeParseException e) {
                problems.add(new PolicyProblem(at + ".wait", "an ISO-8601 duration (PT5M), not '" + waitText + "'"));
            }
        }
        return problems.size() > before ? null : new PolicyStep(notify, department, level, person, wait);
    }

    private static String text(JsonNode node, String field, String at, boolean required, List<PolicyProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new PolicyProblem(at + "." + field, "required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(new PolicyProblem(at + "." + field, "must be a non-empty string"));
            return null;
        }
        return value.asText();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at, List<PolicyProblem> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new PolicyProblem(at + "." + name, "unknown field"));
            }
        }
    }

    private static PolicyResult refused(PolicyProblem problem) {
        return new PolicyResult(null, List.of(problem));
    }

    /** The set as JSON, in the form {@link #parse} reads. */
    public static byte[] write(PolicySet set) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("policies");
        for (EscalationPolicy policy : set.policies()) {
            ObjectNode p = list.addObject();
            p.put("id", policy.id());
            if (policy.category() != null) {
                p.put("category", policy.category());
            }
            if (policy.severity() != null) {
                p.put("severity", policy.severity().name());
            }
            p.put("repeat", policy.repeat());
            ArrayNode steps = p.putArray("steps");
            for (PolicyStep step : policy.steps()) {
                ObjectNode s = steps.addObject();
                s.put("notify", step.target().wireName());
                putIfSet(s, "department", step.department());
                putIfSet(s, "level", step.level());
                putIfSet(s, "person", step.person());
                if (step.waitFor() != null) {
                    s.put("wait", step.waitFor().toString());
                }
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
