package city.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {

    @Test
    void writesJsonThatReadsBackToTheSameMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("smoke", 0.62);
        metrics.put("temp", -41.5);
        metrics.put("big", 1.5e300);
        metrics.put("tiny", 2.0e-9);
        metrics.put("quote\"back\\slash", 1.0);
        metrics.put("ctrl\u0001", 2.0);
        metrics.put("温度", 21.0);

        JsonObject parsed = new JsonObject(MetricsJson.write(metrics));

        assertThat(parsed.size()).isEqualTo(metrics.size());
        metrics.forEach((name, value) -> assertThat(parsed.getDouble(name)).as(name).isEqualTo(value));
    }
}
