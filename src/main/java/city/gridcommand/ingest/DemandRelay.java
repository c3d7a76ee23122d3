package city.gridcommand.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * Carries "room has been freed" from the write-behind, which acknowledges, to the MQTT connections,
 * which then ask their client for as many messages as they had acknowledged. It breaks what would
 * otherwise be a cycle between the two.
 */
public final class DemandRelay implements IntConsumer {

    private final List<Runnable> connections = new CopyOnWriteArrayList<>();

    /** Adds a connection's replenish action: it requests what its own acknowledgements freed. */
    public void attach(Runnable replenish) {
        connections.add(replenish);
    }

    public void detach(Runnable replenish) {
        connections.remove(replenish);
    }

    @Override
    public void accept(int acknowledged) {
        for (Runnable connection : connections) {
            connection.run();
        }
    }
}
