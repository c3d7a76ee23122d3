package city.gridcommand.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * One sensor reading as a device publishes it alone on {@code grid/v1/sensors/{id}/telemetry}, and as a
 * gateway puts it in its batch: {@code {"ts":<ts>,"seq":<seq>,"metrics":{"smoke":0.05..0.29,"temp":18.0..25.9}}}.
 */
final class TelemetryReading {

    private TelemetryReading() {
    }

    /** Appends the reading's JSON to {@code json}, with small random metrics. */
    static StringBuilder append(StringBuilder json, long ts, long seq) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int smoke = 5 + random.nextInt(25);
        int temp = 180 + random.nextInt(80);
        return json.append("{\"ts\":").append(ts)
                .append(",\"seq\":").append(seq)
                .append(",\"metrics\":{\"smoke\":0.").append(smoke < 10 ? "0" : "").append(smoke)
                .append(",\"temp\":").append(temp / 10).append('.').append(temp % 10)
                .append("}}");
    }
}
