package city.gridcommand.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.store.EventChange;
import city.gridcommand.store.ScreenSnapshotRepository.ScreenSnapshot;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * One screen's session against a change log whose tail runs behind it on its own thread: the snapshot and
 * the stream meet with no gap and no duplicate while writers go on, a resume sends exactly what was missed,
 * a slow socket gets the latest position of a worker only and, past its queue, 4408.
 */
class ScreenSessionTest {

    private static final String STREET = "440305001";
    private static final String OTHER_STREET = "440305002";

    /** What a socket was sent, and how it was closed. */
    static final class RecordingSink implements ScreenSession.Sink {
        final List<JsonObject> sent = new CopyOnWriteArrayList<>();
        volatile Integer closeCode;
        volatile String closeReason;
        volatile CompletableFuture<Void> stall;

        @Override
        public CompletionStage<Void> send(String text) {
            sent.add(new JsonObject(text));
            return stall != null ? stall : CompletableFuture.completedFuture(null);
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
        }

        List<Long> eventSeqs() {
            return sent.stream().filter(m -> m.getString("type").startsWith("event.")).map(m -> m.getLong("seq")).toList();
        }
    }

    private static ScreenSnapshot emptySnapshot(String scope) {
        return new ScreenSnapshot(List.of(), List.of(), 0, 0);
    }

    private static ScreenSession session(MemoryChangeLog log, RecordingSink sink, int maxMessages) {
        ScreenSession session = new ScreenSession("s-" + UUID.randomUUID(), STREET, sink, new ScreenSession.Sources(log,
                scope -> CompletableFuture.completedFuture(emptySnapshot(scope)), 7, maxMessages, 1 << 20));
        log.follow(change -> session.offerChange(change, null));
        return session;
    }

    private static EventChange write(MemoryChangeLog log, int i) {
        String street = i % 3 == 0 ? OTHER_STREET : STREET;
        UUID id = new UUID(0, i % 17);
        return log.append(i % 17 == i ? EventChange.RAISED : EventChange.UPDATED,
                MemoryChangeLog.event(id, street + "00" + (i % 5), i % 2 == 0 ? "RED" : "YELLOW", true));
    }

    @Test
    void theSnapshotAndTheStreamMeetWithNoGapAndNoDuplicateUnderConcurrentWrites() throws Exception {
        MemoryChangeLog log = new MemoryChangeLog();
        int total = 5000;
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= total; i++) {
                write(log, i);
                if (i % 50 == 0) {
                    Thread.yield();
                }
            }
        });
        for (int i = 1; i <= 200; i++) {
            write(log, i + total);
        }
        RecordingSink sink = new RecordingSink();
        writer.start();
        ScreenSession session = session(log, sink, 100_000);
        session.start(null, null).toCompletableFuture().get();
        writer.join();
        long last = log.position().toCompletableFuture().get().seq();
        List<Long> expectedAll = new ArrayList<>();
        log.after(0, STREET, Integer.MAX_VALUE).toCompletableFuture().get().changes()
                .forEach(change -> expectedAll.add(change.seq()));
        long lastInScope = expectedAll.get(expectedAll.size() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.eventSeqs().contains(lastInScope));

        JsonObject snapshot = sink.sent.get(0);
        assertThat(snapshot.getString("type")).isEqualTo("snapshot");
        assertThat(snapshot.getBoolean("resync")).isFalse();
        long seam = snapshot.getLong("seq");
        assertThat(seam).isBetween(200L, last);
        List<Long> expected = expectedAll.stream().filter(seq -> seq > seam).toList();
        assertThat(sink.eventSeqs()).as("every change of the street after the snapshot, once, in order")
                .containsExactlyElementsOf(expected);
        assertThat(sink.closeCode).isNull();
    }

    @Test
    void aResumeSendsExactlyTheMissedChangesThenLiveOnes() throws Exception {
        MemoryChangeLog log = new MemoryChangeLog();
        for (int i = 1; i <= 30; i++) {
            write(log, i);
        }
        RecordingSink sink = new RecordingSink();
        ScreenSession session = session(log, sink, 1000);
        session.start(12L, "epoch-1").toCompletableFuture().get();
        EventChange live = log.append(EventChange.UPDATED, MemoryChangeLog.event(new UUID(0, 1), STREET + "001", "RED", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.eventSeqs().contains(live.seq()));

        List<Long> missed = new ArrayList<>();
        log.after(12, STREET, 1000).toCompletableFuture().get().changes().forEach(change -> missed.add(change.seq()));
        assertThat(sink.sent.get(0).getString("type")).as("no snapshot on a resume").isNotEqualTo("snapshot");
        assertThat(sink.eventSeqs()).containsExactlyElementsOf(missed);
        assertThat(missed).first().isEqualTo(13L);
        assertThat(missed).last().isEqualTo(live.seq());
    }

    @Test
    void aSinceNoLongerRetainedOrOfAnotherEpochGetsAFreshSnapshotMarkedResync() throws Exception {
        MemoryChangeLog log = new MemoryChangeLog();
        for (int i = 1; i <= 30; i++) {
            write(log, i);
        }
        log.forget(20);
        RecordingSink old = new RecordingSink();
        session(log, old, 1000).start(5L, null).toCompletableFuture().get();
        assertThat(old.sent.get(0).getString("type")).isEqualTo("snapshot");
        assertThat(old.sent.get(0).getBoolean("resync")).isTrue();
        assertThat(old.sent.get(0).getLong("seq")).isEqualTo(30L);
        assertThat(old.eventSeqs()).isEmpty();

        RecordingSink otherEpoch = new RecordingSink();
        session(log, otherEpoch, 1000).start(25L, "epoch-0").toCompletableFuture().get();
        assertThat(otherEpoch.sent.get(0).getBoolean("resync")).isTrue();
        assertThat(otherEpoch.sent.get(0).getString("epoch")).isEqualTo("epoch-1");

        RecordingSink retained = new RecordingSink();
        session(log, retained, 1000).start(25L, "epoch-1").toCompletableFuture().get();
        assertThat(retained.sent).allMatch(m -> m.getString("type").startsWith("event."));
    }

    @Test
    void aStalledSocketHoldsOnlyTheLatestPositionOfAWorkerAndIsClosedWith4408WhenChangesOverflow() throws Exception {
        MemoryChangeLog log = new MemoryChangeLog();
        RecordingSink stalled = new RecordingSink();
        stalled.stall = new CompletableFuture<>();
        ScreenSession slow = session(log, stalled, 5);
        RecordingSink fast = new RecordingSink();
        ScreenSession quick = session(log, fast, 5);
        slow.start(null, null).toCompletableFuture().get();
        quick.start(null, null).toCompletableFuture().get();
        for (int i = 0; i < 1000; i++) {
            String text = new JsonObject().put("type", "worker.moved").put("data", new JsonObject().put("id", "w1")
                    .put("ts", i)).encode();
            slow.offerEphemeral("worker:w1", text);
            quick.offerEphemeral("worker:w1", text);
        }
        assertThat(stalled.sent).as("only the snapshot left, and it is still on its way").hasSize(1);
        assertThat(slow.waiting()).as("one position for w1, however many came").isEqualTo(1);
        assertThat(fast.sent.stream().filter(m -> m.getString("type").equals("worker.moved"))).hasSize(1000);

        for (int i = 1; i <= 6; i++) {
            log.append(EventChange.RAISED, MemoryChangeLog.event(new UUID(1, i), STREET + "001", "RED", true));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stalled.closeCode != null);
        assertThat(stalled.closeCode).isEqualTo(4408);
        assertThat(stalled.closeReason).isEqualTo("too slow, resume with since");
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.eventSeqs().size() == 6);
        assertThat(fast.closeCode).isNull();
    }

    @Test
    void statsAreSentWhenTheCountsChangedOnly() throws Exception {
        MemoryChangeLog log = new MemoryChangeLog();
        RecordingSink sink = new RecordingSink();
        ScreenSession session = session(log, sink, 1000);
        session.start(null, null).toCompletableFuture().get();
        log.append(EventChange.RAISED, MemoryChangeLog.event(new UUID(2, 1), STREET + "001", "RED", true));
        log.append(EventChange.RAISED, MemoryChangeLog.event(new UUID(2, 2), STREET + "002", "GREEN", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.eventSeqs().size() == 2);
        session.tickStats();
        session.tickStats();
        List<JsonObject> stats = sink.sent.stream().filter(m -> m.getString("type").equals("stats")).toList();
        assertThat(stats).hasSize(1);
        assertThat(stats.get(0).getJsonObject("data").getJsonArray("cells").encode()).isEqualTo(
                "[{\"cell\":\"440305001001\",\"GREEN\":0,\"YELLOW\":0,\"RED\":1},"
                        + "{\"cell\":\"440305001002\",\"GREEN\":1,\"YELLOW\":0,\"RED\":0}]");
        log.append(EventChange.UPDATED, MemoryChangeLog.event(new UUID(2, 1), STREET + "001", "RED", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.eventSeqs().size() == 3);
        session.tickStats();
        stats = sink.sent.stream().filter(m -> m.getString("type").equals("stats")).toList();
        assertThat(stats).hasSize(2);
        assertThat(stats.get(1).getJsonObject("data").getJsonArray("cells").size()).isEqualTo(1);
    }
}
