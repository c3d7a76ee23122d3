package city.gridcommand.store;

import city.gridcommand.registry.RegistryStore;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.SignalSource;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The registry's tables read whole, and senders registered on first sight ({@code auto}). */
@ApplicationScoped
public class RegistryRepository implements RegistryStore {

    private final Pool pool;

    RegistryRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<Registered> everySender() {
        Set<String> devices = new HashSet<>();
        Map<String, Position> positions = new HashMap<>();
        Map<String, List<String>> workerCells = new HashMap<>();
        Map<String, String> deviceGateways = new HashMap<>();
        Map<String, String> workerGateways = new HashMap<>();
        return pool.query("SELECT id, lat, lon, gateway_id FROM device").execute().map(rows -> {
            for (Row row : rows) {
                devices.add(row.getString(0));
                if (row.getDouble(1) != null) {
                    positions.put(row.getString(0), new Position(row.getDouble(1), row.getDouble(2)));
                }
                if (row.getString(3) != null) {
                    deviceGateways.put(row.getString(0), row.getString(3));
                }
            }
            return null;
        }).compose(v -> pool.query("SELECT id, cells, gateway_id FROM worker").execute()).map(rows -> {
            for (Row row : rows) {
                workerCells.put(row.getString(0), List.of(row.getArrayOfStrings(1)));
                if (row.getString(2) != null) {
                    workerGateways.put(row.getString(0), row.getString(2));
                }
            }
            return new Registered(devices, positions, workerCells, deviceGateways, workerGateways);
        }).toCompletionStage();
    }

    @Override
    public CompletionStage<Void> registerSeen(SignalSource source, String senderId, String gatewayId) {
        String sql = switch (source) {
            case TELEMETRY -> "INSERT INTO device (id, kind, registered_at, auto, gateway_id) "
                    + "VALUES ($1, 'sensor', $2, true, $3) ON CONFLICT DO NOTHING";
            case DETECTION -> "INSERT INTO device (id, kind, registered_at, auto, gateway_id) "
                    + "VALUES ($1, 'camera', $2, true, $3) ON CONFLICT DO NOTHING";
            case WORKER_LOCATION, WORKER_REPORT, WORKER_ACK -> "INSERT INTO worker (id, registered_at, auto, gateway_id) "
                    + "VALUES ($1, $2, true, $3) ON CONFLICT DO NOTHING";
            case DEVICE_STATUS, UNKNOWN -> null;
        };
        if (sql == null) {
            return CompletableFuture.completedFuture(null);
        }
        return pool.preparedQuery(sql).execute(Tuple.of(senderId, System.currentTimeMillis(), gatewayId)).<Void>mapEmpty()
                .toCompletionStage();
    }
}
