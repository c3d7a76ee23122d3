package city.gridcommand.store;

import city.gridcommand.registry.Device;
import city.gridcommand.registry.DeviceType;
import city.gridcommand.signal.Position;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Registered sensors and cameras in the {@code device} table, paged by id. */
@ApplicationScoped
public class DeviceRepository {

    private static final String COLUMNS = "id, kind, name, lat, lon, capabilities, department, gateway_id";

    private static final String UPSERT = """
            INSERT INTO device (id, kind, name, lat, lon, capabilities, department, registered_at, auto, gateway_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9)
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, lat = EXCLUDED.lat,
                lon = EXCLUDED.lon, capabilities = EXCLUDED.capabilities, department = EXCLUDED.department,
                gateway_id = EXCLUDED.gateway_id, auto = false""";

    private final Pool pool;

    DeviceRepository(Pool pool) {
        this.pool = pool;
    }

    /** Null when there is no such device. */
    public CompletionStage<Device> find(String id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM device WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? device(rows.iterator().next()) : null).toCompletionStage();
    }

    /**
     * Devices with ids after {@code after} (null: from the start), optionally of one type and department,
     * and only among {@code among} when it is not null (a caller's devices: an empty list finds none).
     */
    public CompletionStage<Page<Device>> page(DeviceType type, String department, String after, int limit,
            Collection<String> among) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM device WHERE ($1::text IS NULL OR kind = $1) "
                        + "AND ($2::text IS NULL OR department = $2) AND ($3::text IS NULL OR id > $3) "
                        + "AND ($5::text[] IS NULL OR id = ANY ($5)) ORDER BY id LIMIT $4")
                .execute(Tuple.of(type == null ? null : type.wireName(), department, after, limit + 1,
                        among == null ? null : among.toArray(String[]::new)))
                .map(rows -> {
                    List<Device> devices = new ArrayList<>();
                    rows.forEach(row -> devices.add(device(row)));
                    return Page.of(devices, limit, Device::id);
                }).toCompletionStage();
    }

    /** The devices registered behind {@code gatewayId}, by id (the partial index device_gateway). */
    public CompletionStage<List<Device>> behind(String gatewayId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM device WHERE gateway_id = $1 AND gateway_id IS NOT NULL "
                        + "ORDER BY id").execute(Tuple.of(gatewayId))
                .map(rows -> {
                    List<Device> devices = new ArrayList<>();
                    rows.forEach(row -> devices.add(device(row)));
                    return devices;
                }).toCompletionStage();
    }

    /** Creates or replaces the device; true when it was new. */
    public CompletionStage<Boolean> save(Device d) {
        return pool.preparedQuery(UPSERT + " RETURNING (xmax = 0) AS created").execute(row(d))
                .map(rows -> rows.iterator().next().getBoolean("created")).toCompletionStage();
    }

    /** Saves many devices in one pipelined batch (the demo city), replacing existing ones. */
    public CompletionStage<Void> saveAll(List<Device> devices) {
        if (devices.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return pool.preparedQuery(UPSERT).executeBatch(devices.stream().map(DeviceRepository::row).toList())
                .<Void>mapEmpty().toCompletionStage();
    }

    /** True when a device was removed. */
    public CompletionStage<Boolean> delete(String id) {
        return pool.preparedQuery("DELETE FROM device WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0).toCompletionStage();
    }

    private static Tuple row(Device d) {
        Position p = d.position();
        return Tuple.from(new Object[] {d.id(), d.type().wireName(), d.name(), p == null ? null : p.lat(),
                p == null ? null : p.lon(), d.capabilities().toArray(String[]::new), d.department(),
                System.currentTimeMillis(), d.gateway()});
    }

    private static Device device(Row row) {
        Double lat = row.getDouble("lat");
        Position position = lat == null ? null : new Position(lat, row.getDouble("lon"));
        return new Device(row.getString("id"), DeviceType.fromWire(row.getString("kind")), row.getString("name"),
                position, List.of(row.getArrayOfStrings("capabilities")), row.getString("department"),
                row.getString("gateway_id"));
    }
}
