package city.gridcommand.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.signal.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {

    @Test
    void theDefaultPoliciesReadAndRedRunsFiveStepsTwice() throws IOException {
        PolicyResult result = PolicyJson.parse(defaults());
        assertThat(result.problems()).isEmpty();
        EscalationPolicy red = result.policies().policyFor("fire", Severity.RED).orElseThrow();
        assertThat(red.repeat()).isEqualTo(2);
        assertThat(red.steps()).extracting(PolicyStep::target).containsExactly(NotifyTarget.CELL_WORKERS,
                NotifyTarget.ONCALL, NotifyTarget.LEADER, NotifyTarget.ONCALL, NotifyTarget.ONCALL);
        assertThat(red.step(4).level()).isEqualTo("street");
        assertThat(red.step(5).department()).isEqualTo("centre");
        assertThat(result.policies().policyFor("noise", Severity.GREEN).orElseThrow().steps()).hasSize(1);
    }

    @Test
    void theMostSpecificPolicyWins() {
        PolicySet set = PolicyJson.parse(bytes("""
                {"policies":[{"id":"any","steps":[{"notify":"cell_workers"}]},
                 {"id":"red","severity":"RED","steps":[{"notify":"leader"}]},
                 {"id":"fire","category":"fire","steps":[{"notify":"oncall","department":"dept-fire"}]},
                 {"id":"red-fire","category":"fire","severity":"RED","steps":[{"notify":"person","person":"chief"}]}]}
                """)).policies();
        assertThat(set.policyFor("fire", Severity.RED).orElseThrow().id()).isEqualTo("red-fire");
        assertThat(set.policyFor("fire", Severity.YELLOW).orElseThrow().id()).isEqualTo("fire");
        assertThat(set.policyFor("crowd", Severity.RED).orElseThrow().id()).isEqualTo("red");
        assertThat(set.policyFor("crowd", Severity.GREEN).orElseThrow().id()).isEqualTo("any");
        assertThat(PolicyJson.parse(bytes("{\"policies\":[]}")).policies().policyFor("fire", Severity.RED)).isEmpty();
    }

    @Test
    void everyProblemIsNamedByItsFieldPath() {
        PolicyResult result = PolicyJson.parse(bytes("""
                {"policies":[{"id":"a","severity":"PURPLE","repeat":0,"steps":[{"notify":"mayor"},
                   {"notify":"person"},{"notify":"leader","department":"x","wait":"5 minutes"}]},
                 {"id":"a","steps":[]}]}
                """));
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).extracting(PolicyProblem::field).contains("policies[0].severity",
                "policies[0].repeat", "policies[0].steps[0].notify", "policies[0].steps[1].person",
                "policies[0].steps[2].department", "policies[0].steps[2].wait", "policies[1].steps");
        assertThat(PolicyJson.parse(bytes("{}")).problems()).extracting(PolicyProblem::field).containsExactly("policies");
        assertThat(PolicyJson.parse(bytes("{\"policies\":[{\"id\":\"a\",\"steps\":[{\"notify\":\"leader\"}]},"
                + "{\"id\":\"a\",\"steps\":[{\"notify\":\"leader\"}],\"severity\":\"RED\"}]}")).problems())
                .extracting(PolicyProblem::field).containsExactly("policies[1].id");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        PolicySet set = PolicyJson.parse(bytes("""
                {"policies":[{"id":"x","category":"fire","severity":"RED","repeat":3,"steps":[
                  {"notify":"oncall","department":"centre","level":"district","wait":"PT2M"},{"notify":"person","person":"p"}]}]}
                """)).policies();
        PolicySet again = PolicyJson.parse(PolicyJson.write(set)).policies();
        assertThat(again).isEqualTo(set);
        assertThat(again.policies().get(0).step(1).waitFor()).isEqualTo(Duration.ofMinutes(2));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] defaults() throws IOException {
        try (InputStream in = PolicyJsonTest.class.getResourceAsStream("/alerts/alert-policies.json")) {
            return in.readAllBytes();
        }
    }
}
