package city.gridcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.testing.MalformedPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path accepts exactly what the general decoder accepts, with the same result. */
class TelemetryFastPathTest {

    private static final long NOW = 1_732_200_000_000L;
    private static final IngestLimits LIMITS = new IngestLimits(200_000, Duration.ofMinutes(5), Duration.ofDays(7));
    private final SignalDecoder decoder = new SignalDecoder(LIMITS, () -> NOW);

    private static Telemetry fast(String json) {
        return fast(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Telemetry fast(byte[] payload) {
        return TelemetryFastPath.tryRead("d-1", payload, NOW + 1,
                ts -> ts - NOW <= LIMITS.maxFutureSkew().toMillis() && NOW - ts <= LIMITS.maxAge().toMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ts\":NOW,\"seq\":42,\"metrics\":{\"smoke\":0.62,\"temp\":41}}",
        "{\"seq\":1,\"metrics\":{\"a\":1,\"a\":2},\"ts\":NOW,\"extra\":{\"nested\":[1,{\"x\":null}]},\"lat\":null,\"lon\":null}",
        "{\"ts\":NOW,\"seq\":0,\"metrics\":{\"pm25\":-1.5e3},\"lat\":22.54,\"lon\":114.06}",
        "  {\"ts\":NOW,\"seq\":9,\"metrics\":{\"温度\":21.5}}  "})
    void readsValidReadingsLikeTheGeneralDecoder(String template) throws Exception {
        String json = template.replace("NOW", Long.toString(NOW));
        Telemetry viaFastPath = fast(json);
        assertThat(viaFastPath).isNotNull();
        assertThat(viaFastPath).isEqualTo(generalDecode(json));
    }

    @Test
    void leavesEveryMalformedPayloadToTheGeneralDecoder() {
        for (MalformedPayloads.Case bad : MalformedPayloads.generate(1000, 7, NOW)) {
            assertThat(fast(bad.payload())).as(new String(bad.payload(), StandardCharsets.UTF_8)).isNull();
        }
        assertThat(fast("{\"ts\":" + NOW + ",\"seq\":1,\"metrics\":{\"t\":1},\"lat\":1}")).isNull();
        assertThat(fast("{\"ts\":" + NOW + ",\"seq\":1,\"metrics\":{\"t\":1}")).isNull();
        assertThat(fast("{\"ts\":" + NOW + ",\"seq\":99999999999999999999,\"metrics\":{\"t\":1}}")).isNull();
        assertThat(fast("{\"ts\":" + NOW + ",\"seq\":1,\"metrics\":{\"\":1}}")).isNull();
    }

    private Telemetry generalDecode(String json) throws RejectedMessageException {
        return (Telemetry) decoder.decodeTree(new TopicAddress(SignalSource.TELEMETRY, "d-1"),
                json.getBytes(StandardCharsets.UTF_8), NOW + 1);
    }
}
