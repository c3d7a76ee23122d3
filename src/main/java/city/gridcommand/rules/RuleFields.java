package city.gridcommand.rules;

import city.gridcommand.signal.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one rule's JSON object, recording a {@link RuleProblem} naming the rule and the
 * field for everything wrong, so one pass reports every problem. Absent and null fields are the same.
 */
final class RuleFields {

    private final JsonNode node;
    private final int index;
    private final List<RuleProblem> problems;
    private final int problemsBefore;
    private final Set<String> read = new LinkedHashSet<>();
    /** Put before every field this reader names: "" for a rule, "confirm." for its confirm object. */
    private final String prefix;
    private String id;

    RuleFields(JsonNode node, int index, List<RuleProblem> problems) {
        this(node, index, problems, "");
    }

    private RuleFields(JsonNode node, int index, List<RuleProblem> problems, String prefix) {
        this.node = node;
        this.index = index;
        this.problems = problems;
        this.problemsBefore = problems.size();
        this.prefix = prefix;
    }

    /** Names the rule in later problems. */
    void identify(String id) {
        this.id = id;
    }

    /** Whether this rule has had no problem so far. */
    boolean clean() {
        return problems.size() == problemsBefore;
    }

    void problem(String field, String detail) {
        problems.add(new RuleProblem(index, id, prefix + field, detail));
    }

    boolean present(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** A string of at most {@code maxLength} characters matching {@code pattern}, or null. */
    String text(String field, boolean required, Pattern pattern, int maxLength, String shape) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        String text = value.textValue();
        if (text.isBlank()) {
            problem(field, "must not be blank");
        } else if (text.length() > maxLength) {
            problem(field, "must be at most " + maxLength + " characters");
        } else if (pattern != null && !pattern.matcher(text).matches()) {
            problem(field, "must be " + shape + ", not \"" + text + "\"");
        } else {
            return text;
        }
        return null;
    }

    Severity severity() {
        String name = text("severity", true, null, 16, null);
        if (name == null) {
            return null;
        }
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(name)) {
                return severity;
            }
        }
        problem("severity", "must be GREEN, YELLOW or RED, not \"" + name + "\"");
        return null;
    }

    boolean bool(String field, boolean absent) {
        JsonNode value = value(field, false);
        if (value != null && !value.isBoolean()) {
            problem(field, "must be true or false");
        }
        return value == null || !value.isBoolean() ? absent : value.booleanValue();
    }

    /** A finite JSON number, or null. */
    Double number(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            problem(field, "must be a finite number");
            return null;
        }
        return value.doubleValue();
    }

    /** A JSON integer, or null. */
    Integer integer(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(field, "must be a whole number");
            return null;
        }
        return value.intValue();
    }

    /** An ISO-8601 duration such as {@code "PT15M"}, not negative (and not zero unless allowed), or null. */
    Duration duration(String field, boolean required, boolean zeroAllowed) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "must be an ISO-8601 duration string such as \"PT15M\"");
            return null;
        }
        try {
            Duration duration = Duration.parse(value.textValue());
            if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
                problem(field, zeroAllowed ? "must not be negative" : "must be positive");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problem(field, "must be an ISO-8601 duration such as \"PT15M\", not \"" + value.textValue() + "\"");
            return null;
        }
    }

    /** An array of distinct strings matching {@code pattern} (empty allowed unless required), or null. */
    Set<String> texts(String field, boolean required, Pattern pattern, String shape) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isArray() || (required && value.isEmpty())) {
            problem(field, required ? "must be a non-empty array of strings" : "must be an array of strings");
            return null;
        }
        Set<String> texts = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual() || !pattern.matcher(element.textValue()).matches()) {
                problem(field + "[" + i + "]", "must be " + shape);
            } else if (!texts.add(element.textValue())) {
                problem(field + "[" + i + "]", "repeats \"" + element.textValue() + "\"");
            }
        }
        return texts;
    }

    /**
     * The fields of a nested object {@code field} (e.g. {@code confirm}), whose problems are named
     * {@code field.sub} (e.g. {@code confirm.detections}) under the same rule; null when absent, or (a
     * problem recorded) when it is not an object.
     */
    RuleFields object(String field) {
        JsonNode value = value(field, false);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problem(field, "must be an object");
            return null;
        }
        RuleFields nested = new RuleFields(value, index, problems, field + ".");
        nested.identify(id);
        return nested;
    }

    /** Refuses every field no reader asked for: a misspelt field must not pass unnoticed. */
    void refuseUnread() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!read.contains(name)) {
                problem(name, "is not a field of this rule type");
            }
        }
    }

    private JsonNode value(String field, boolean required) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        return value;
    }
}
