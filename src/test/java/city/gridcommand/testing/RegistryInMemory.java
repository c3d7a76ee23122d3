package city.gridcommand.testing;

import city.gridcommand.registry.SenderRegistry;
import city.gridcommand.signal.SignalSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry held in a map, for tests of the message path without a database: devices and workers with
 * the gateway each is behind (null: none), and every registration asked of it, in order
 * ({@code "telemetry:smk-1"} or {@code "telemetry:smk-1@gw-1"}), which also registers the sender.
 */
public final class RegistryInMemory implements SenderRegistry {

    private final Map<String, String> devices = new HashMap<>();
    private final Map<String, String> workers = new HashMap<>();
    private final List<String> registrations = new CopyOnWriteArrayList<>();

    public synchronized RegistryInMemory device(String id, String gateway) {
        devices.put(id, gateway == null ? "" : gateway);
        return this;
    }

    public synchronized RegistryInMemory worker(String id, String gateway) {
        workers.put(id, gateway == null ? "" : gateway);
        return this;
    }

    /** The registrations asked of this registry, in order. */
    public List<String> registrations() {
        return List.copyOf(registrations);
    }

    @Override
    public synchronized boolean isRegistered(SignalSource source, String senderId) {
        return table(source).containsKey(senderId);
    }

    @Override
    public void register(SignalSource source, String senderId) {
        registerBehind(source, senderId, null);
    }

    @Override
    public synchronized void registerBehind(SignalSource source, String senderId, String gatewayId) {
        registrations.add(source.label() + ":" + senderId + (gatewayId == null ? "" : "@" + gatewayId));
        table(source).putIfAbsent(senderId, gatewayId == null ? "" : gatewayId);
    }

    @Override
    public synchronized String gatewayOf(SignalSource source, String senderId) {
        String gateway = table(source).get(senderId);
        return gateway == null || gateway.isEmpty() ? null : gateway;
    }

    @Override
    public synchronized Collection<String> devicesBehind(String gatewayId) {
        List<String> ids = new ArrayList<>();
        devices.forEach((id, gateway) -> {
            if (Objects.equals(gateway, gatewayId)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private Map<String, String> table(SignalSource source) {
        return switch (source) {
            case WORKER_LOCATION, WORKER_REPORT, WORKER_ACK -> workers;
            default -> devices;
        };
    }
}
