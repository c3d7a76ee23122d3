package city.gridcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.testing.RegistryInMemory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replay over the real pipeline and write-behind, with the dead letters kept in memory. */
class DeadLetterReplayTest {

    private static final long NOW = 1_732_200_000_000L;

    private final FakeBatchStore store = new FakeBatchStore();
    private final IngestCounters counters = new IngestCounters();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Archive archive = new Archive();
    private final IngestPipeline pipeline = new IngestPipeline(
            new SignalDecoder(new IngestLimits(65_536, Duration.ofMinutes(5), Duration.ofDays(1)), () -> NOW),
            new Admission(new RegistryInMemory(), UnknownSenders.ACCEPT), Locator.NONE, Judge.NONE,
            new WriteBehind(new WriteBehind.Settings(100, 2, 1000, Duration.ofMillis(20), 65_536), store, counters,
                    timer, StoredAlertAcks.NONE),
            counters, 65_536, PlacedSignals.NONE);
    private final DeadLetterReplay replay = new DeadLetterReplay(archive, pipeline, counters, () -> NOW);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Dead letters in memory, with the store's semantics: id order, filters, replayed ones left out. */
    private static final class Archive implements DeadLetterArchive {
        final ConcurrentSkipListMap<Long, Kept> letters = new ConcurrentSkipListMap<>();
        final Map<Long, RejectReason> reasons = new ConcurrentHashMap<>();
        final Map<Long, Long> replayedAt = new ConcurrentHashMap<>();
        final List<Integer> pageSizes = new ArrayList<>();

        void add(RejectReason reason, String topic, String payload) {
            long id = letters.isEmpty() ? 1 : letters.lastKey() + 1;
            letters.put(id, new Kept(id, topic, payload.getBytes(StandardCharsets.UTF_8), NOW - 1_000));
            reasons.put(id, reason);
        }

        @Override
        public CompletionStage<Long> newestId() {
            return CompletableFuture.completedFuture(letters.isEmpty() ? 0L : letters.lastKey());
        }

        @Override
        public synchronized CompletionStage<List<Kept>> unreplayed(Filter filter, long afterId, long upToId,
                int limit) {
            List<Kept> page = letters.subMap(afterId, false, upToId, true).values().stream()
                    .filter(k -> !replayedAt.containsKey(k.id()))
                    .filter(k -> filter.reason() == null || reasons.get(k.id()) == filter.reason())
                    .limit(limit).toList();
            pageSizes.add(page.size());
            // answered from another thread, as the database client does
            return CompletableFuture.supplyAsync(() -> page);
        }

        @Override
        public CompletionStage<Void> markReplayed(List<Long> ids, long at) {
            ids.forEach(id -> replayedAt.put(id, at));
            return CompletableFuture.completedFuture(null);
        }
    }

    private static String reading(long seq) {
        return "{\"ts\":" + NOW + ",\"seq\":" + seq + ",\"metrics\":{\"t\":1}}";
    }

    private DeadLetterReplay.Outcome run(RejectReason reason, int limit) throws Exception {
        return replay.start(new DeadLetterArchive.Filter(reason, null, null), limit).orElseThrow()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void replaysPageByPageUpToTheLimitStoresEveryMessageAndMarksEachDeadLetter() throws Exception {
        for (int i = 1; i <= 250; i++) {
            archive.add(RejectReason.STORE_REJECTED, "grid/v1/sensors/s-" + i + "/telemetry", reading(i));
        }
        DeadLetterReplay.Outcome first = run(RejectReason.STORE_REJECTED, 230);

        assertThat(first).isEqualTo(new DeadLetterReplay.Outcome(230, 0, true));
        assertThat(archive.pageSizes).as("read a page at a time, never more").allMatch(n -> n <= DeadLetterReplay.PAGE);
        assertThat(store.stored()).isEqualTo(230);
        assertThat(archive.replayedAt).hasSize(230).containsValue(NOW);
        assertThat(counters.replayed()).isEqualTo(230);
        assertThat(counters.receivedOf(SignalSource.TELEMETRY)).isEqualTo(230);

        DeadLetterReplay.Outcome rest = run(RejectReason.STORE_REJECTED, 1000);
        assertThat(rest).isEqualTo(new DeadLetterReplay.Outcome(20, 0, false));
        assertThat(store.stored()).isEqualTo(250);
    }

    @Test
    void takesOnlyTheReasonAskedFor() throws Exception {
        archive.add(RejectReason.STORE_REJECTED, "grid/v1/sensors/a/telemetry", reading(1));
        archive.add(RejectReason.UNKNOWN_SENDER, "grid/v1/sensors/b/telemetry", reading(2));

        assertThat(run(RejectReason.UNKNOWN_SENDER, 10)).isEqualTo(new DeadLetterReplay.Outcome(1, 0, false));
        assertThat(archive.replayedAt).containsOnlyKeys(2L);
    }

    @Test
    void aMessageThatFailsAgainIsANewDeadLetterAndTheOldOneIsMarkedAllTheSame() throws Exception {
        archive.add(RejectReason.MALFORMED_JSON, "grid/v1/sensors/a/telemetry", "still not json");

        assertThat(run(null, 10)).isEqualTo(new DeadLetterReplay.Outcome(1, 0, false));
        assertThat(store.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
            assertThat(letter.receivedAt()).as("when the broker first delivered it").isEqualTo(NOW - 1_000);
        });
        assertThat(archive.replayedAt).containsOnlyKeys(1L);
    }

    @Test
    void aMessageThatCannotBeMadeDurableLeavesItsDeadLetterUnmarked() throws Exception {
        archive.add(RejectReason.STORE_REJECTED, "grid/v1/sensors/a/telemetry", reading(1));
        archive.add(RejectReason.STORE_REJECTED, "grid/v1/sensors/b/telemetry", reading(2));
        // the first is refused as a signal and as a dead letter: it cannot be made durable
        store.refuses = item -> item.isDeadLetter() || ((Telemetry) item.signal()).senderId().equals("a");

        assertThat(run(null, 10)).isEqualTo(new DeadLetterReplay.Outcome(1, 1, false));
        assertThat(archive.replayedAt).containsOnlyKeys(2L);
        assertThat(counters.redeliveredOf(SignalSource.TELEMETRY)).isEqualTo(1);
    }

    @Test
    void oneReplayAtATime() throws Exception {
        archive.add(RejectReason.STORE_REJECTED, "grid/v1/sensors/a/telemetry", reading(1));
        store.holdWrites = true;
        var running = replay.start(new DeadLetterArchive.Filter(null, null, null), 10).orElseThrow();

        assertThat(replay.start(new DeadLetterArchive.Filter(null, null, null), 10)).isEmpty();
        org.awaitility.Awaitility.await().until(() -> !store.held.isEmpty());
        store.holdWrites = false;
        store.release();
        assertThat(running.toCompletableFuture().get(10, TimeUnit.SECONDS).replayed()).isEqualTo(1);
        assertThat(replay.start(new DeadLetterArchive.Filter(null, null, null), 10)).isPresent();
    }
}
