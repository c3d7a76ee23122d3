package city.gridcommand.live;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.live.LiveSignals.LiveSignal;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.WorkerPosition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The live signals as one instance sends them and another reads them back off the broker. */
class LiveSignalsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LiveSignals signals = new LiveSignals(null, registry);

    @Test
    void aWorkerPositionIsAWorkerMovedKeyedByTheWorkerAndReadBackAsSent() {
        LiveSignal sent = LiveSignals.of(new WorkerPosition("w-7", 3L, 1_000L, new Position(22.51, 114.035), 5.0, null, 2_000L),
                "440305002001002");
        assertThat(sent.key()).isEqualTo("worker:w-7");
        JsonObject message = new JsonObject(sent.text());
        assertThat(message.getString("type")).isEqualTo("worker.moved");
        JsonObject data = message.getJsonObject("data");
        assertThat(data.getString("id")).isEqualTo("w-7");
        assertThat(data.getString("cell")).isEqualTo("440305002001002");
        assertThat(data.getLong("ts")).isEqualTo(1_000L);
        assertThat(data.getDouble("lon")).isEqualTo(114.035);

        LiveSignal read = signals.read("grid/v1/live/440305002001002", sent.text().getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(sent);
    }

    @Test
    void aDeviceStatusIsADeviceStatusKeyedByTheDevice() {
        LiveSignal sent = LiveSignals.of(new DeviceStatus("smk-1", 5L, false, 6L), "440305002001002");
        assertThat(sent.key()).isEqualTo("device:smk-1");
        assertThat(new JsonObject(sent.text()).getJsonObject("data").getBoolean("online")).isFalse();
        assertThat(signals.read("grid/v1/live/440305002001002", sent.text().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(sent);
    }

    @Test
    void whatIsNotALiveSignalOfItsTopicsCellIsRefusedAndCounted() {
        String moved = LiveSignals.of(new WorkerPosition("w-7", 1L, 1L, new Position(22.51, 114.035), null, null, 2L),
                "440305002001002").text();
        assertThat(signals.read("grid/v1/live/440305002001001", bytes(moved))).as("another cell's topic").isNull();
        assertThat(signals.read("grid/v1/live/440305002001002", bytes("{not json"))).isNull();
        assertThat(signals.read("grid/v1/live/440305002001002", bytes("{\"type\":\"event.raised\",\"data\":"
                + "{\"id\":\"x\",\"cell\":\"440305002001002\"}}"))).as("not an ephemeral type").isNull();
        assertThat(signals.read("grid/v1/live/440305002001002", bytes("{\"type\":\"worker.moved\",\"data\":"
                + "{\"id\":7,\"cell\":\"440305002001002\"}}"))).as("an id that is no string").isNull();
        assertThat(signals.read("grid/v1/live/440305002001002", bytes("[1,2]"))).isNull();
        assertThat(registry.get("grid.live.signals.refused").counter().count()).isEqualTo(5);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
