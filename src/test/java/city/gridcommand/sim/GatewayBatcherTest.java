package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayBatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TS = 1_732_200_000_000L;

    private final GatewayBatcher batcher = new GatewayBatcher();

    @Test
    void aBatchHoldsEachDevicesReadingsExactlyAsTheDeviceWouldSendThemInOrder() throws IOException {
        CityMessage first = reading("smk-000001", 1);
        CityMessage other = reading("smk-000002", 7);
        CityMessage second = reading("smk-000001", 2);
        assertThat(batcher.add("lora-440305001", first, 0)).isEmpty();
        assertThat(batcher.add("lora-440305001", other, 300)).isEmpty();
        assertThat(batcher.add("lora-440305001", second, 600)).isEmpty();

        List<GatewayBatcher.Batch> due = batcher.due(1_000);

        assertThat(due).hasSize(1);
        assertThat(due.get(0).readings()).isEqualTo(3);
        CityMessage batch = due.get(0).message();
        assertThat(batch.topic()).isEqualTo("grid/v1/gateways/lora-440305001/telemetry");
        assertThat(batch.retained()).isFalse();
        assertThat(batch.sender()).isEqualTo("lora-440305001");
        JsonNode devices = JSON.readTree(batch.payload()).get("devices");
        assertThat(JSON.readTree(batch.payload()).size()).isEqualTo(1);
        assertThat(devices.get("smk-000001")).containsExactly(JSON.readTree(first.payload()),
                JSON.readTree(second.payload()));
        assertThat(devices.get("smk-000002")).containsExactly(JSON.readTree(other.payload()));
        assertThat(batcher.due(5_000)).isEmpty();
    }

    @Test
    void aBatchWaitsItsSecondOfCityTime() {
        batcher.add("lora-440305001", reading("smk-000001", 1), 10_000);

        assertThat(batcher.due(10_999)).isEmpty();
        assertThat(batcher.due(11_000)).hasSize(1);
    }

    @Test
    void telemetryAndDetectionsAndEachGatewayHaveTheirOwnBatches() {
        batcher.add("lora-440305001", reading("smk-000001", 1), 0);
        batcher.add("nvr-440305001", detection("cam-000001", 1), 0);
        batcher.add("lora-440305002", reading("smk-000009", 1), 0);
        batcher.add("nvr-440305001", reading("smk-000003", 1), 0);

        List<String> topics = batcher.due(1_000).stream().map(b -> b.message().topic()).toList();

        assertThat(topics).containsExactlyInAnyOrder("grid/v1/gateways/lora-440305001/telemetry",
                "grid/v1/gateways/nvr-440305001/detections", "grid/v1/gateways/lora-440305002/telemetry",
                "grid/v1/gateways/nvr-440305001/telemetry");
    }

    @Test
    void aFullBatchGoesAtOnce() {
        List<GatewayBatcher.Batch> out = new ArrayList<>();
        for (int i = 1; i <= GatewayBatcher.MAX_READINGS + 5; i++) {
            out.addAll(batcher.add("lora-440305001", reading("smk-" + (i % 7), i), 0));
        }

        assertThat(out).hasSize(1);
        assertThat(out.get(0).readings()).isEqualTo(GatewayBatcher.MAX_READINGS);
        assertThat(batcher.flushAll()).singleElement().extracting(GatewayBatcher.Batch::readings).isEqualTo(5);
    }

    @Test
    void aBatchStaysWellBelowTheServicesMessageBound() {
        String big = "x".repeat(1_000);
        List<GatewayBatcher.Batch> out = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            out.addAll(batcher.add("nvr-440305001", Payloads.detection("cam-000001", TS, i, "fire", 0.9,
                    "https://snapshots.example.org/" + big), 0));
        }

        assertThat(out).isNotEmpty();
        assertThat(out).allMatch(b -> b.message().payload().length < 64 * 1024);
    }

    @Test
    void flushingAGatewayTakesOnlyItsBatches() {
        batcher.add("lora-440305001", reading("smk-000001", 1), 0);
        batcher.add("nvr-440305001", detection("cam-000001", 1), 0);
        batcher.add("lora-440305002", reading("smk-000009", 1), 0);

        assertThat(batcher.flush("nvr-440305001")).singleElement()
                .extracting(b -> b.message().topic()).isEqualTo("grid/v1/gateways/nvr-440305001/detections");
        assertThat(batcher.flushAll()).hasSize(2);
        assertThat(batcher.flushAll()).isEmpty();
    }

    @Test
    void onlyReadingsAreBatched() {
        assertThatThrownBy(() -> batcher.add("lora-440305001", Payloads.status("smk-000001", TS, 1, false), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CityMessage reading(String id, long seq) {
        return Payloads.telemetry(id, TS + seq, seq, Map.of("smoke", 0.01 * seq));
    }

    private static CityMessage detection(String id, long seq) {
        return Payloads.detection(id, TS + seq, seq, "fire", 0.9, "https://snapshots.example.org/" + id + ".jpg");
    }
}
