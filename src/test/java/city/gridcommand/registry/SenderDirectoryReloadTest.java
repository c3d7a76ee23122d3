package city.gridcommand.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.geo.Grid;
import city.gridcommand.locate.GridMap;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.signal.SignalSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two reloads of the registry at once, as at start-up (the start-up sequence's reload and the scheduler's
 * first one): each reads the database in turn, neither fails, and what the later one read is what stands.
 */
class SenderDirectoryReloadTest {

    @Test
    void twoReloadsAtOnceBothFinishAndTheLaterReadStands() throws Exception {
        DatabaseReads reads = new DatabaseReads();
        SenderDirectory directory = new SenderDirectory(reads, new LiveGrid(Grid.empty(), GridMap.of(Grid.empty())));
        CompletableFuture<Void> startUp = CompletableFuture.runAsync(directory::reload);
        CompletableFuture<RegistryStore.Registered> first = reads.next();
        Thread scheduledThread = new Thread(directory::reload, "scheduled-reload");
        CompletableFuture<Throwable> scheduled = new CompletableFuture<>();
        scheduledThread.setUncaughtExceptionHandler((t, e) -> scheduled.complete(e));
        scheduledThread.start();
        // the scheduled reload is under way too: waiting (or blocked) for its turn, or (unserialised) reading already
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduledThread.getState() == Thread.State.WAITING
                || scheduledThread.getState() == Thread.State.BLOCKED || !reads.pending.isEmpty());

        first.complete(registered("smk-old"));
        startUp.get(5, TimeUnit.SECONDS);
        reads.next().complete(registered("smk-new"));
        scheduledThread.join(5_000);

        assertThat(scheduled.getNow(null)).as("what the scheduled reload threw").isNull();
        assertThat(scheduledThread.isAlive()).isFalse();
        assertThat(directory.isRegistered(SignalSource.TELEMETRY, "smk-new")).isTrue();
        assertThat(directory.isRegistered(SignalSource.TELEMETRY, "smk-old")).isFalse();
    }

    private static RegistryStore.Registered registered(String device) {
        return new RegistryStore.Registered(Set.of(device), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The registry's reads, each answered when the test says: a database that takes its time. */
    private static final class DatabaseReads implements RegistryStore {

        final BlockingQueue<CompletableFuture<Registered>> pending = new LinkedBlockingQueue<>();

        CompletableFuture<Registered> next() throws InterruptedException {
            CompletableFuture<Registered> read = pending.poll(5, TimeUnit.SECONDS);
            assertThat(read).as("a reload reading").isNotNull();
            return read;
        }

        @Override
        public CompletionStage<Registered> everySender() {
            CompletableFuture<Registered> read = new CompletableFuture<>();
            pending.add(read);
            return read;
        }

        @Override
        public CompletionStage<Void> registerSeen(SignalSource source, String senderId, String gatewayId) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
