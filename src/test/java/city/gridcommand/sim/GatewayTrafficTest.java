package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayTrafficTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TS = 1_732_200_000_000L;
    private static final String LORA = "lora-440305001";
    private static final String NVR = "nvr-440305001";
    private static final String STATUS = "grid/v1/gateways/" + LORA + "/status";

    private final GatewayTraffic traffic = new GatewayTraffic(new GatewayChoice(List.of(LORA, NVR), LORA,
            Map.of("smk-000001", LORA, "smk-000002", LORA, "smk-000003", LORA, "cam-000001", NVR)));

    @Test
    void aMessageOfADeviceOrWorkerNotBehindAChosenGatewayGoesAloneAsItIs() {
        CityMessage alone = Payloads.telemetry("smk-000009", TS, 1, Map.of("smoke", 0.1));
        CityMessage status = Payloads.status("cam-000009", TS, 2, false);

        assertThat(traffic.route(alone, 0, TS)).containsExactly(alone);
        assertThat(traffic.route(status, 0, TS)).containsExactly(status);
        assertThat(traffic.readings()).isZero();
    }

    @Test
    void readingsBehindAGatewayGoOutInItsBatchOnceItsSecondIsUp() throws IOException {
        assertThat(traffic.route(reading("smk-000001", 1), 0, TS)).isEmpty();
        assertThat(traffic.route(detection("cam-000001", 1), 200, TS)).isEmpty();
        assertThat(traffic.route(reading("smk-000002", 1), 900, TS)).isEmpty();

        List<CityMessage> out = traffic.route(reading("smk-000003", 1), 1_000, TS);

        assertThat(out).singleElement().extracting(CityMessage::topic)
                .isEqualTo("grid/v1/gateways/" + LORA + "/telemetry");
        assertThat(JSON.readTree(out.get(0).payload()).get("devices").size()).isEqualTo(2);
        assertThat(traffic.route(reading("smk-000003", 2), 1_200, TS)).singleElement()
                .extracting(CityMessage::topic).isEqualTo("grid/v1/gateways/" + NVR + "/detections");
        assertThat(traffic.readings()).isEqualTo(3);
        assertThat(traffic.batches()).isEqualTo(2);
        assertThat(traffic.flushAll()).hasSize(1);
        assertThat(traffic.readings()).isEqualTo(5);
    }

    @Test
    void aDeviceGoingOfflineIsTheGatewaysDisconnectAfterItsEarlierReadings() throws IOException {
        traffic.route(reading("smk-000001", 1), 0, TS);

        List<CityMessage> out = traffic.route(Payloads.status("smk-000001", TS, 2, false), 10, TS + 5);

        assertThat(out).extracting(CityMessage::topic)
                .containsExactly("grid/v1/gateways/" + LORA + "/telemetry", STATUS);
        assertThat(out.get(1).retained()).isFalse();
        assertStatus(out.get(1), "{\"ts\":" + (TS + 5) + ",\"disconnect\":[\"smk-000001\"]}");
        assertThat(traffic.away(LORA)).containsExactly("smk-000001");

        List<CityMessage> back = traffic.route(Payloads.status("smk-000001", TS, 3, true), 20, TS + 9);
        assertStatus(back.get(0), "{\"ts\":" + (TS + 9) + ",\"connect\":[\"smk-000001\"]}");
        assertThat(traffic.away(LORA)).isEmpty();
    }

    @Test
    void aDeadGatewaysReadingsAreLostAndWhenBackItNamesTheDevicesStillAway() throws IOException {
        traffic.route(Payloads.status("smk-000001", TS, 1, false), 0, TS);
        traffic.route(reading("smk-000002", 1), 10, TS);

        assertThat(traffic.die(LORA)).singleElement().extracting(CityMessage::topic)
                .isEqualTo("grid/v1/gateways/" + LORA + "/telemetry");
        assertThat(traffic.route(reading("smk-000002", 2), 20, TS)).isEmpty();
        assertThat(traffic.route(Payloads.status("smk-000003", TS, 1, false), 30, TS)).isEmpty();
        assertThat(traffic.route(Payloads.status("smk-000001", TS, 2, true), 40, TS)).isEmpty();
        assertThat(traffic.route(detection("cam-000001", 1), 50, TS)).as("the other gateway lives on").isEmpty();
        assertThat(traffic.lost()).isEqualTo(1);

        List<CityMessage> back = traffic.back(LORA, TS + 60);

        assertThat(back).singleElement().satisfies(m -> assertStatus(m,
                "{\"ts\":" + (TS + 60) + ",\"disconnect\":[\"smk-000003\"]}"));
        traffic.route(reading("smk-000002", 3), 70, TS);
        assertThat(traffic.flushAll()).extracting(CityMessage::topic).containsExactlyInAnyOrder(
                "grid/v1/gateways/" + LORA + "/telemetry", "grid/v1/gateways/" + NVR + "/detections");
    }

    @Test
    void aGatewayBackWithAllItsDevicesSaysNothingMore() {
        traffic.die(LORA);

        assertThat(traffic.back(LORA, TS)).isEmpty();
    }

    private static void assertStatus(CityMessage message, String json) {
        try {
            assertThat(message.topic()).isEqualTo(STATUS);
            JsonNode expected = JSON.readTree(json);
            assertThat(JSON.readTree(message.payload())).isEqualTo(expected);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static CityMessage reading(String id, long seq) {
        return Payloads.telemetry(id, TS + seq, seq, Map.of("smoke", 0.01 * seq));
    }

    private static CityMessage detection(String id, long seq) {
        return Payloads.detection(id, TS + seq, seq, "fire", 0.9, "https://snapshots.example.org/" + id + ".jpg");
    }
}
