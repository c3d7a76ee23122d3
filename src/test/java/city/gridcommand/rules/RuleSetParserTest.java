package city.gridcommand.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import city.gridcommand.signal.Severity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleSetParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode smoke() {
        return JSON.createObjectNode().put("type", "threshold").put("id", "smoke-high").put("name", "Smoke")
                .put("category", "fire").put("severity", "YELLOW").put("department", "dept-fire")
                .put("metric", "smoke").put("operator", ">").put("value", 0.5).put("clearAt", 0.3)
                .put("sustainFor", "PT0S");
    }

    private static ObjectNode parking() {
        ObjectNode node = JSON.createObjectNode().put("type", "detection").put("id", "camera-illegal-parking")
                .put("name", "Illegal parking").put("category", "illegal_parking").put("severity", "GREEN")
                .put("department", "dept-urban").put("minConfidence", 0.7).put("cooldown", "PT30M");
        node.putArray("kinds").add("illegal_parking");
        node.putObject("confirm").put("detections", 3).put("within", "PT10M");
        return node;
    }

    private static ObjectNode composite() {
        ObjectNode node = JSON.createObjectNode().put("type", "composite").put("id", "fire-confirmed")
                .put("name", "Fire confirmed").put("category", "fire").put("severity", "RED")
                .put("department", "dept-fire").put("distinct", "kinds").put("atLeast", 2).put("window", "PT10M");
        node.putArray("categories").add("fire");
        return node;
    }

    private static RuleSetResult parse(ObjectNode... rules) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("rules");
        for (ObjectNode rule : rules) {
            array.add(rule);
        }
        return RuleSetParser.parse(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The problems of a set holding the smoke rule changed by {@code change}. */
    private static List<RuleProblem> problemsOf(ObjectNode rule, Consumer<ObjectNode> change) {
        change.accept(rule);
        RuleSetResult result = parse(rule);
        assertThat(result.accepted()).isFalse();
        assertThat(result.ruleSet()).isNull();
        return result.problems();
    }

    @Test
    void theDefaultFileParsesAndValidatesWithEveryKindOfRule() {
        RuleSet defaults = DefaultRules.load();

        assertThat(defaults.rules()).extracting(Rule::type).contains("threshold", "detection", "silence", "worker",
                "composite");
        Set<String> categories = defaults.rules().stream().map(Rule::category).collect(Collectors.toSet());
        assertThat(categories).containsExactlyInAnyOrder("air_pollution", "crowd", "device_fault", "fire", "flooding",
                "garbage_overflow", "illegal_parking", "noise_nuisance", "road_damage", "street_vending",
                "waterlogging", "worker_absent", "worker_unreachable");
        ThresholdRule smoke = (ThresholdRule) defaults.byId("smoke-high");
        assertThat(smoke).isEqualTo(new ThresholdRule("smoke-high", "Smoke detected", smoke.description(), "fire",
                Severity.YELLOW, "dept-fire", true, "smoke", Comparison.GT, 0.3, 0.15, Duration.ZERO, null, null));
    }

    @Test
    void writingAndReadingBackGivesTheSameRules() {
        RuleSet defaults = DefaultRules.load();

        RuleSetResult again = RuleSetParser.parse(RuleSetWriter.toJson(defaults));

        assertThat(again.problems()).isEmpty();
        assertThat(again.ruleSet()).isEqualTo(defaults);
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() {
        ObjectNode rule = smoke();
        rule.remove(List.of("clearAt", "sustainFor"));

        ThresholdRule read = (ThresholdRule) parse(rule).ruleSet().rules().get(0);

        assertThat(read.clearAt()).as("clears where it raises").isEqualTo(0.5);
        assertThat(read.sustainFor()).isZero();
        assertThat(read.enabled()).isTrue();
    }

    @Test
    void everyBadFieldIsNamedWithTheRuleIndexAndId() {
        assertThat(problemsOf(smoke(), r -> r.put("type", "geofence")))
                .containsExactly(new RuleProblem(0, "smoke-high", "type",
                        "must be threshold, detection, silence, worker or composite, not \"geofence\""));
        assertThat(problemsOf(smoke(), r -> r.put("severity", "ORANGE"))).extracting(RuleProblem::field)
                .containsExactly("severity");
        assertThat(problemsOf(smoke(), r -> r.put("operator", "=>"))).extracting(RuleProblem::field)
                .containsExactly("operator");
        assertThat(problemsOf(smoke(), r -> r.put("sustainFor", "PT-5M")))
                .extracting(RuleProblem::field, RuleProblem::detail)
                .containsExactly(tuple("sustainFor", "must not be negative"));
        assertThat(problemsOf(smoke(), r -> r.put("sustainFor", 300))).extracting(RuleProblem::detail)
                .containsExactly("must be an ISO-8601 duration string such as \"PT15M\"");
        assertThat(problemsOf(smoke(), r -> r.put("clearAt", 0.7))).extracting(RuleProblem::field, RuleProblem::detail)
                .containsExactly(tuple("clearAt",
                        "must be at or below value 0.5 for operator >, or the rule could never clear"));
        assertThat(problemsOf(smoke(), r -> r.put("sustainfor", "PT1M"))).extracting(RuleProblem::field)
                .containsExactly("sustainfor");
        assertThat(problemsOf(smoke(), r -> r.put("value", "high"))).extracting(RuleProblem::field)
                .containsExactly("value");
        assertThat(problemsOf(smoke(), r -> r.put("category", "Fire Alarm"))).extracting(RuleProblem::field)
                .containsExactly("category");
    }

    @Test
    void missingAndBlankFieldsAreAllReportedAtOnce() {
        List<RuleProblem> problems = problemsOf(smoke(), r -> {
            r.put("name", " ");
            r.remove("department");
            r.remove("metric");
        });

        assertThat(problems).extracting(RuleProblem::index, RuleProblem::id, RuleProblem::field, RuleProblem::detail)
                .containsExactlyInAnyOrder(tuple(0, "smoke-high", "name", "must not be blank"),
                        tuple(0, "smoke-high", "department", "is required"),
                        tuple(0, "smoke-high", "metric", "is required"));
    }

    @Test
    void compositeNeedsAtLeastTwoAndAPositiveWindow() {
        assertThat(problemsOf(composite(), r -> r.put("atLeast", 1))).extracting(RuleProblem::field)
                .containsExactly("atLeast");
        assertThat(problemsOf(composite(), r -> r.put("atLeast", 5))).extracting(RuleProblem::detail)
                .containsExactly("must be at most 4 with distinct kinds: there are no more kinds");
        assertThat(problemsOf(composite(), r -> r.put("window", "PT0S"))).extracting(RuleProblem::field,
                RuleProblem::detail).containsExactly(tuple("window", "must be positive"));
        assertThat(problemsOf(composite(), r -> r.put("distinct", "cells"))).extracting(RuleProblem::field)
                .containsExactly("distinct");
    }

    @Test
    void silenceAndWorkerRulesNeedTheirDurationsWhereTheyRaiseByTime() {
        ObjectNode silence = JSON.createObjectNode().put("type", "silence").put("id", "s").put("name", "S")
                .put("category", "device_fault").put("severity", "GREEN").put("department", "dept-ops");
        silence.putArray("senders").add("sensor");
        ObjectNode worker = JSON.createObjectNode().put("type", "worker").put("id", "w").put("name", "W")
                .put("category", "worker_absent").put("severity", "GREEN").put("department", "dept-urban");

        assertThat(problemsOf(silence.deepCopy(), r -> { })).extracting(RuleProblem::field)
                .containsExactly("silentFor");
        assertThat(problemsOf(silence.deepCopy(), r -> r.putArray("senders").add("drone")))
                .extracting(RuleProblem::field).containsExactly("senders");
        assertThat(problemsOf(worker.deepCopy(), r -> r.put("condition", "no_position")))
                .extracting(RuleProblem::field, RuleProblem::detail).containsExactly(tuple("silentFor", "is required"));
        assertThat(problemsOf(worker.deepCopy(), r -> r.put("condition", "left_assigned").put("silentFor", "PT5M")))
                .extracting(RuleProblem::field).containsExactly("silentFor");
    }

    @Test
    void aSetWithOneBadRuleIsRefusedWholeNamingEveryBadRule() {
        ObjectNode duplicate = smoke();
        ObjectNode bad = composite().put("atLeast", 0);

        RuleSetResult result = parse(smoke(), bad, duplicate);

        assertThat(result.ruleSet()).isNull();
        assertThat(result.problems()).extracting(RuleProblem::index, RuleProblem::id, RuleProblem::field)
                .containsExactly(tuple(1, "fire-confirmed", "atLeast"), tuple(2, "smoke-high", "id"));
        assertThat(result.problems().get(1).detail()).isEqualTo("repeats the id of rules[0]");
    }

    @Test
    void documentsThatAreNotRuleSetsAreRefusedWithAReason() {
        assertThat(RuleSetParser.parse("{\"rules\": [".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(RuleProblem::index, RuleProblem::field).containsExactly(tuple(-1, "(body)"));
        assertThat(RuleSetParser.parse("[]".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(RuleProblem::field).containsExactly("(body)");
        assertThat(RuleSetParser.parse("{\"rule\": []}".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(RuleProblem::field).containsExactly("rule", "rules");
        assertThat(RuleSetParser.parse("{\"rules\": [42]}".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(RuleProblem::index, RuleProblem::field).containsExactly(tuple(0, "(rule)"));
        assertThat(RuleSetParser.parse("{\"rules\": [], \"rules\": []}".getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().satisfies(p -> assertThat(p.detail()).contains("Duplicate field 'rules'"));
    }

    @Test
    void anEmptyRuleSetIsValid() {
        assertThat(parse().ruleSet().rules()).isEmpty();
        assertThat(Set.copyOf(parse(smoke()).ruleSet().rules())).hasSize(1);
    }

    @Test
    void aDetectionRuleReadsItsConfirmationAndCooldown() {
        DetectionRule read = (DetectionRule) parse(parking()).ruleSet().rules().get(0);

        assertThat(read.confirm()).isEqualTo(new DetectionRule.Confirmation(3, Duration.ofMinutes(10), false));
        assertThat(read.cooldown()).isEqualTo(Duration.ofMinutes(30));

        ObjectNode plain = parking();
        plain.remove(List.of("confirm", "cooldown"));
        DetectionRule every = (DetectionRule) parse(plain).ruleSet().rules().get(0);
        assertThat(every.confirm()).isNull();
        assertThat(every.cooldown()).isNull();
        assertThat(every.stateful()).as("every detection raises, as before").isFalse();

        ObjectNode fire = parking();
        ((ObjectNode) fire.get("confirm")).put("orSecondSource", true);
        DetectionRule both = (DetectionRule) parse(fire).ruleSet().rules().get(0);
        assertThat(both.confirm().orSecondSource()).isTrue();
        assertThat(RuleSetParser.parse(RuleSetWriter.toJson(new RuleSet(List.of(both)))).ruleSet().rules())
                .containsExactly(both);
    }

    @Test
    void badConfirmationsAndCooldownsAreRefusedNamingTheRuleAndTheField() {
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).put("detections", 0)))
                .containsExactly(new RuleProblem(0, "camera-illegal-parking", "confirm.detections",
                        "must be at least 1 (1: every detection raises)"));
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).put("detections", 2.5)))
                .extracting(RuleProblem::field, RuleProblem::detail)
                .containsExactly(tuple("confirm.detections", "must be a whole number"));
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).remove("detections")))
                .extracting(RuleProblem::field, RuleProblem::detail)
                .containsExactly(tuple("confirm.detections", "is required"));
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).put("within", "PT0S")))
                .extracting(RuleProblem::field, RuleProblem::detail)
                .containsExactly(tuple("confirm.within", "must be positive"));
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).put("within", "ten minutes")))
                .extracting(RuleProblem::field).containsExactly("confirm.within");
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).put("within", "P2D")))
                .extracting(RuleProblem::field).containsExactly("confirm.within");
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).remove("within")))
                .extracting(RuleProblem::field).containsExactly("confirm.within");
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).put("orSecondSource", "yes")))
                .extracting(RuleProblem::field).containsExactly("confirm.orSecondSource");
        assertThat(problemsOf(parking(), r -> ((ObjectNode) r.get("confirm")).put("detection", 3)))
                .extracting(RuleProblem::field, RuleProblem::detail)
                .containsExactly(tuple("confirm.detection", "is not a field of this rule type"));
        assertThat(problemsOf(parking(), r -> r.put("confirm", 3))).extracting(RuleProblem::field, RuleProblem::detail)
                .containsExactly(tuple("confirm", "must be an object"));
        assertThat(problemsOf(parking(), r -> r.put("cooldown", "PT-30M")))
                .containsExactly(new RuleProblem(0, "camera-illegal-parking", "cooldown", "must be positive"));
        assertThat(problemsOf(parking(), r -> r.put("cooldown", 1800))).extracting(RuleProblem::field)
                .containsExactly("cooldown");
        // confirmation is for cameras: another type of rule refuses it
        assertThat(problemsOf(smoke(), r -> r.putObject("confirm").put("detections", 2).put("within", "PT1M")))
                .extracting(RuleProblem::field).containsExactly("confirm");
    }

    @Test
    void theDefaultCameraRulesConfirmWhereACameraAloneIsNoisy() {
        RuleSet defaults = DefaultRules.load();

        for (String noisy : List.of("camera-illegal-parking", "camera-street-vending", "camera-garbage-overflow",
                "camera-crowd")) {
            DetectionRule rule = (DetectionRule) defaults.byId(noisy);
            assertThat(rule.confirm().detections()).as(noisy).isEqualTo(3);
            assertThat(rule.confirm().within()).as(noisy).isEqualTo(Duration.ofMinutes(10));
            assertThat(rule.cooldown()).as(noisy).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(60));
            assertThat(rule.description()).as(noisy).isNotBlank();
        }
        for (String slow : List.of("camera-road-damage", "camera-waterlogging")) {
            DetectionRule rule = (DetectionRule) defaults.byId(slow);
            assertThat(rule.confirm()).as(slow).isEqualTo(new DetectionRule.Confirmation(2, Duration.ofMinutes(15),
                    false));
        }
        DetectionRule fire = (DetectionRule) defaults.byId("camera-fire");
        assertThat(fire.confirm()).isEqualTo(new DetectionRule.Confirmation(2, Duration.ofMinutes(2), true));
        assertThat(fire.cooldown()).as("a fire is never muted").isNull();
    }
}
