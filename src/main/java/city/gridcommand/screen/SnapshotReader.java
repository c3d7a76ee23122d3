package city.gridcommand.screen;

import city.gridcommand.store.ScreenSnapshotRepository;
import city.gridcommand.store.ScreenSnapshotRepository.ScreenSnapshot;
import city.gridcommand.store.ScreenSnapshotRepository.WorkerSpot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Reads what a screen of a scope shows first: its open events, the workers heard lately in it (their
 * positions; their number is the on-duty count), and its devices online and offline.
 */
@ApplicationScoped
public class SnapshotReader {

    private final ScreenSnapshotRepository repository;
    private final ScreenSettings settings;
    private final LongSupplier clock;

    SnapshotReader(ScreenSnapshotRepository repository, ScreenSettings settings) {
        this.repository = repository;
        this.settings = settings;
        this.clock = System::currentTimeMillis;
    }

    CompletionStage<ScreenSnapshot> read(String scope) {
        return repository.read(scope, clock.getAsLong() - settings.workerWindow().toMillis());
    }

    /** The snapshot's {@code data}; {@code counts} holds its events already. */
    static JsonObject data(String scope, ScreenSnapshot snapshot, CellCounts counts) {
        JsonArray events = new JsonArray();
        snapshot.events().forEach(event -> events.add(event.body()));
        JsonArray workers = new JsonArray();
        snapshot.workers().forEach(worker -> workers.add(worker(worker)));
        return new JsonObject().put("scope", scope).put("events", events).put("workers", workers)
                .put("onDuty", snapshot.workers().size())
                .put("devices", new JsonObject().put("online", snapshot.devicesOnline())
                        .put("offline", snapshot.devicesOffline()))
                .put("cells", counts.cells());
    }

    static JsonObject worker(WorkerSpot spot) {
        return new JsonObject().put("id", spot.id()).put("lat", spot.lat()).put("lon", spot.lon())
                .put("cell", spot.cell()).put("ts", spot.ts());
    }
}
