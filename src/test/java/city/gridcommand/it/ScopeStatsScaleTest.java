package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Opening a district of a city the size of Shanghai's grid on the command screen: 100,000 base cells (50
 * streets of 10 communities of 200 base cells) holding 250,000 events, 50,000 of them open. The open
 * events per street by severity ({@code GET /api/v1/stats/cells}) are exactly those inserted, and the
 * scope's figures answer; the times are logged (read them in the test output), never asserted. The
 * district {@value #DISTRICT} is in no test grid, and its events are deleted afterwards.
 */
@QuarkusTest
class ScopeStatsScaleTest {

    private static final Logger LOG = Logger.getLogger(ScopeStatsScaleTest.class);
    private static final String DISTRICT = "990000";
    private static final String CATEGORY = "scale_test";
    private static final int EVENTS = 250_000;
    private static final int BASE_CELLS = 100_000;
    private static final String[] SEVERITIES = { "GREEN", "YELLOW", "RED" };

    @Inject
    Pool pool;

    @AfterEach
    void deleteTheEvents() {
        new Db(pool).execute("DELETE FROM event WHERE category = '" + CATEGORY + "' AND cell_path[1] = '" + DISTRICT + "'");
    }

    @Test
    void aDistrictOfAHundredThousandBaseCellsIsCountedPerStreet() {
        Db db = new Db(pool);
        long now = System.currentTimeMillis();
        // event g is in base cell g % 100,000; the first 100,000 are open every second one (one per cell), the
        // rest closed; severity (g / 2) % 3
        db.execute("""
                INSERT INTO event (id, cell, cell_path, category, severity, state, origin, trigger, created_at,
                                   updated_at, open)
                SELECT gen_random_uuid(), base, ARRAY['%1$s', street, community, base], '%2$s',
                       (ARRAY['GREEN','YELLOW','RED'])[1 + (g / 2) %% 3],
                       CASE WHEN open THEN 'REPORTED' ELSE 'CLOSED' END, 'dispatcher', '{}'::jsonb, %3$d, %3$d, open
                FROM (SELECT g, g < %4$d AND g %% 2 = 0 AS open,
                             '%1$s' || lpad((b / 2000 + 1)::text, 3, '0') AS street,
                             '%1$s' || lpad((b / 2000 + 1)::text, 3, '0') || lpad((b %% 2000 / 200 + 1)::text, 3, '0') AS community,
                             '%1$s' || lpad((b / 2000 + 1)::text, 3, '0') || lpad((b %% 2000 / 200 + 1)::text, 3, '0')
                                    || lpad((b %% 200 + 1)::text, 3, '0') AS base
                      FROM (SELECT g, g %% %4$d AS b FROM generate_series(0, %5$d - 1) AS g) numbered) events
                """.formatted(DISTRICT, CATEGORY, now, BASE_CELLS, EVENTS));
        db.execute("ANALYZE event");

        Map<String, long[]> expected = new TreeMap<>();
        for (int g = 0; g < BASE_CELLS; g += 2) {
            String street = DISTRICT + String.format("%03d", g / 2000 + 1);
            expected.computeIfAbsent(street, s -> new long[3])[(g / 2) % 3]++;
        }

        String admin = TestTokens.admin();
        // the first request after start warms the service up (sign-in, the pool, the JIT): not the scope's time
        given().auth().oauth2(admin).get("/api/v1/stats/cells?scope=999999").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/stats/figures?scope=999999").then().statusCode(200);
        long t0 = System.nanoTime();
        JsonPath cells = given().auth().oauth2(admin).get("/api/v1/stats/cells?scope=" + DISTRICT).then().statusCode(200)
                .extract().jsonPath();
        long t1 = System.nanoTime();
        JsonPath figures = given().auth().oauth2(admin).get("/api/v1/stats/figures?scope=" + DISTRICT + "&from="
                + (now - 1000)).then().statusCode(200).extract().jsonPath();
        long t2 = System.nanoTime();
        given().auth().oauth2(admin).get("/api/v1/stats/cells?scope=" + DISTRICT + "001").then().statusCode(200);
        long t3 = System.nanoTime();
        given().auth().oauth2(admin).get("/api/v1/stats/cells?scope=" + DISTRICT).then().statusCode(200);
        long t4 = System.nanoTime();

        List<Map<String, Object>> rows = cells.getList("cells");
        assertThat(rows).hasSize(50);
        for (Map<String, Object> row : rows) {
            long[] counts = expected.get((String) row.get("cell"));
            assertThat(counts).as("street " + row.get("cell")).isNotNull();
            for (int s = 0; s < 3; s++) {
                assertThat(((Number) row.get(SEVERITIES[s])).longValue()).as(row.get("cell") + " " + SEVERITIES[s])
                        .isEqualTo(counts[s]);
            }
        }
        long today = 0;
        for (String severity : SEVERITIES) {
            today += figures.getLong("bySeverity." + severity);
        }
        assertThat(today).isGreaterThanOrEqualTo(EVENTS);
        LOG.infof("district of %,d base cells, %,d events (%,d open): stats/cells %d ms, stats/figures %d ms, "
                + "a street's stats/cells %d ms, the district's stats/cells again %d ms", BASE_CELLS, EVENTS, BASE_CELLS / 2,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    }
}
