package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.rules.Rule;
import city.gridcommand.rules.RuleSet;
import city.gridcommand.rules.runtime.RuleSets;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rule set replaced through the API is what another instance, or this one after a restart, reads back
 * from the database: stored as a JSON object, not as a string holding one (which read back as "no longer
 * validates" and silently put the default rules back in force).
 */
@QuarkusTest
class StoredRuleSetTest {

    @Inject
    RuleSets ruleSets;

    @Inject
    Pool pool;

    @Test
    void aReplacedRuleSetIsReadBackAsItWasStored() throws Exception {
        String id = "noise-" + UUID.randomUUID().toString().substring(0, 8);
        String defaults;
        try (var in = getClass().getResourceAsStream("/rules/default-rules.json")) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String renamed = defaults.replace("\"id\": \"noise-loud\"", "\"id\": \"" + id + "\"");
        assertThat(renamed).contains(id);
        try {
            put(renamed);
            assertThat(new Db(pool).count("SELECT count(*) FROM rule_set WHERE jsonb_typeof(rules) = 'object'"))
                    .isEqualTo(1);
            RuleSet readBack = ruleSets.inForce(); // what a restart or another instance reads
            assertThat(readBack.rules()).extracting(Rule::id).contains(id).doesNotContain("noise-loud");
        } finally {
            put(defaults); // the other tests of this application run with the default rules
        }
    }

    private static void put(String rules) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(rules).put("/api/v1/rules")
                .then().statusCode(200);
    }
}
