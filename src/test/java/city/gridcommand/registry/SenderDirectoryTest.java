package city.gridcommand.registry;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.geo.Grid;
import city.gridcommand.locate.GridMap;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.SignalSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The registry in memory: which gateway each sender is behind, through saves, first sightings and reloads. */
class SenderDirectoryTest {

    /** The registry's tables as rows in maps; a read can be held open to let the API change things meanwhile. */
    private static final class Tables implements RegistryStore {
        final Map<String, String> devices = new HashMap<>();
        final Map<String, String> workers = new HashMap<>();
        Runnable duringRead = () -> { };

        @Override
        public synchronized CompletionStage<Registered> everySender() {
            Registered read = registered();
            duringRead.run();
            return CompletableFuture.completedFuture(read);
        }

        private Registered registered() {
            Map<String, String> deviceGateways = new HashMap<>();
            devices.forEach((id, gateway) -> {
                if (!gateway.isEmpty()) {
                    deviceGateways.put(id, gateway);
                }
            });
            Map<String, List<String>> cells = new HashMap<>();
            Map<String, String> workerGateways = new HashMap<>();
            workers.forEach((id, gateway) -> {
                cells.put(id, List.of());
                if (!gateway.isEmpty()) {
                    workerGateways.put(id, gateway);
                }
            });
            return new Registered(new HashSet<>(devices.keySet()), Map.of(), cells, deviceGateways, workerGateways);
        }

        @Override
        public synchronized CompletionStage<Void> registerSeen(SignalSource source, String senderId, String gatewayId) {
            (source == SignalSource.WORKER_ACK ? workers : devices).putIfAbsent(senderId, gatewayId == null ? "" : gatewayId);
            return CompletableFuture.completedFuture(null);
        }
    }

    private final Tables tables = new Tables();
    private final SenderDirectory directory = new SenderDirectory(tables,
            new LiveGrid(Grid.empty(), GridMap.of(Grid.empty())));

    private static Device sensor(String id, String gateway) {
        return new Device(id, DeviceType.SENSOR, null, new Position(22.5, 114.0), List.of(), null, gateway);
    }

    @Test
    void knowsTheDevicesBehindEachGatewayThroughSavesRemovalsAndReloads() {
        tables.devices.put("smk-1", "lora-1");
        tables.devices.put("smk-2", "lora-1");
        tables.devices.put("solo", "");
        directory.reload();
        assertThat(directory.devicesBehind("lora-1")).containsExactlyInAnyOrder("smk-1", "smk-2");
        assertThat(directory.gatewayOf(SignalSource.TELEMETRY, "solo")).isNull();

        directory.deviceSaved(sensor("smk-2", "lora-2"));
        assertThat(directory.devicesBehind("lora-1")).containsExactly("smk-1");
        assertThat(directory.gatewayOf(SignalSource.DEVICE_STATUS, "smk-2")).isEqualTo("lora-2");

        directory.deviceRemoved("smk-1");
        assertThat(directory.devicesBehind("lora-1")).isEmpty();

        tables.devices.remove("smk-1");
        tables.devices.put("smk-2", "");
        directory.reload();
        assertThat(directory.devicesBehind("lora-2")).isEmpty();
        assertThat(directory.gatewayOf(SignalSource.TELEMETRY, "smk-2")).isNull();
    }

    @Test
    void aDeviceSavedWhileAReloadReadsIsNotLostByIt() {
        // the reload reads the tables before the save commits; the save is applied in memory meanwhile
        tables.duringRead = () -> directory.deviceSaved(sensor("new-1", "lora-1"));

        directory.reload();

        assertThat(directory.isRegistered(SignalSource.TELEMETRY, "new-1")).isTrue();
        assertThat(directory.devicesBehind("lora-1")).containsExactly("new-1");
    }

    @Test
    void aSenderFirstSeenInAGatewaysBatchIsRegisteredBehindIt() {
        directory.registerBehind(SignalSource.TELEMETRY, "smk-9", "lora-3");
        directory.registerBehind(SignalSource.WORKER_ACK, "w-9", "lora-3");

        assertThat(directory.devicesBehind("lora-3")).containsExactly("smk-9");
        assertThat(directory.gatewayOf(SignalSource.WORKER_LOCATION, "w-9")).isEqualTo("lora-3");
        assertThat(tables.devices).containsEntry("smk-9", "lora-3");
        assertThat(tables.workers).containsEntry("w-9", "lora-3");
    }
}
