package city.gridcommand.registry;

import city.gridcommand.signal.Position;
import city.gridcommand.signal.SignalSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Where the registry of devices and workers is kept (PostgreSQL): read whole, and written on first sight. */
public interface RegistryStore {

    /** Every registered device (with the position of fixed ones) and worker (with their assigned cells). */
    CompletionStage<Registered> everySender();

    /**
     * Registers a sender first seen on {@code source}, marked {@code auto}, behind {@code gatewayId} when it
     * came in a gateway's batch (null: on its own topic); registering twice is harmless. Only telemetry
     * (a sensor), detections (a camera) and the workers' feeds name a kind of sender.
     */
    CompletionStage<Void> registerSeen(SignalSource source, String senderId, String gatewayId);

    /**
     * The registry as read: device ids, fixed devices' positions, workers' assigned cells by worker id, and
     * the gateway of each device and worker behind one (by its id).
     */
    record Registered(Set<String> devices, Map<String, Position> positions, Map<String, List<String>> workerCells,
            Map<String, String> deviceGateways, Map<String, String> workerGateways) {
    }
}
