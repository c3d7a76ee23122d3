package city.gridcommand.store;

import java.util.Map;

/**
 * Writes a telemetry reading's metrics as a JSON object text for the jsonb column. Hand-written because
 * it runs once per message on the hot path, where a general JSON mapper costs several times more; the
 * values are always finite (the decoder refuses NaN and infinities), so Java's number text is valid JSON.
 */
final class MetricsJson {

    private MetricsJson() {
    }

    static String write(Map<String, Double> metrics) {
        StringBuilder json = new StringBuilder(16 + metrics.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(json, metric.getKey()).append(':').append(metric.getValue().doubleValue());
        }
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
