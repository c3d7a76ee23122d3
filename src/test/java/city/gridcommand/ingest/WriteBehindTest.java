package city.gridcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.locate.Placement;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerAck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

    private final FakeBatchStore store = new FakeBatchStore();
    private final IngestCounters counters = new IngestCounters();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger acked = new AtomicInteger();
    private final WriteBehind writeBehind = new WriteBehind(
            new WriteBehind.Settings(100, 2, 1000, Duration.ofMillis(20), 65_536), store, counters, timer);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private PendingItem telemetry(String device, long seq) {
        return telemetry(device, seq, acked::incrementAndGet);
    }

    /** A reading as it would arrive: its payload is the JSON the device sent. */
    private static PendingItem telemetry(String device, long seq, Acknowledgement ack) {
        Telemetry t = new Telemetry(device, seq, 1_000, Map.of("t", 1.0), null, 1_001);
        return PendingItem.accepted(t, Placement.UNPLACED, List.of(), payload(seq), ack);
    }

    private static byte[] payload(long seq) {
        return ("{\"ts\":1000,\"seq\":" + seq + ",\"metrics\":{\"t\":1.0},\"pad\":\"" + "x".repeat(5000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An acknowledgement that counts both ways a message can end here. */
    private static final class Delivery implements Acknowledgement {
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger redelivered = new AtomicInteger();

        @Override
        public void acknowledge() {
            acknowledged.incrementAndGet();
        }

        @Override
        public void redeliver() {
            redelivered.incrementAndGet();
        }
    }

    @Test
    void acknowledgesOnlyAfterTheBatchIsStored() {
        store.holdWrites = true;
        writeBehind.add(telemetry("a", 1));
        writeBehind.add(telemetry("a", 2));
        assertThat(acked).hasValue(0);
        assertThat(writeBehind.outstanding()).isEqualTo(2);

        assertThat(store.held).hasSize(2);

        store.release();
        await().untilAsserted(() -> assertThat(acked).hasValue(2));
        assertThat(writeBehind.outstanding()).isZero();
        assertThat(counters.processedOf(SignalSource.TELEMETRY)).isEqualTo(2);
    }

    @Test
    void anAlertAckIsHandedToTheAlertsOnlyOnceStoredAndAnEventAckNever() {
        List<WorkerAck> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        WriteBehind withAlerts = new WriteBehind(new WriteBehind.Settings(100, 2, 1000, Duration.ofMillis(20), 65_536),
                store, counters, timer, handed::add);
        WorkerAck alertAck = new WorkerAck("w-1", 1_000, "a-1", null, null, 1_001);
        WorkerAck eventAck = new WorkerAck("w-1", 1_000, null, "e-1", "accept", 1_001);
        store.holdWrites = true;
        withAlerts.add(PendingItem.accepted(alertAck, Placement.UNPLACED, List.of(), payload(1), acked::incrementAndGet));
        withAlerts.add(PendingItem.accepted(eventAck, Placement.UNPLACED, List.of(), payload(2), acked::incrementAndGet));
        assertThat(handed).as("not before the batch is durable").isEmpty();

        store.release();
        await().untilAsserted(() -> assertThat(handed).containsExactly(alertAck));
        assertThat(acked).hasValue(2);
    }

    @Test
    void acknowledgesInArrivalOrderWhenALaterBatchCommitsFirst() {
        java.util.List<Long> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.holdWrites = true;
        for (long seq = 1; seq <= 2; seq++) {
            long s = seq;
            writeBehind.add(telemetry("a", s, () -> order.add(s)));
        }
        store.releaseLast();
        assertThat(order).isEmpty();
        assertThat(writeBehind.outstanding()).isEqualTo(2);
        store.release();
        await().untilAsserted(() -> assertThat(order).containsExactly(1L, 2L));
        assertThat(writeBehind.outstanding()).isZero();
    }

    @Test
    void gathersWhatArrivesWhileSlotsAreBusyIntoBatches() {
        store.holdWrites = true;
        for (int i = 1; i <= 250; i++) {
            writeBehind.add(telemetry("a", i));
        }
        // Two writes of one item each took the two slots; 248 wait.
        assertThat(store.held).hasSize(2);
        while (acked.get() < 250) {
            store.release();
        }
        assertThat(store.batchSizes).allMatch(size -> size <= 100);
        assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(250);
        assertThat(store.batchSizes.size()).isLessThan(10);
    }

    @Test
    void countsRedeliveredDuplicatesWithoutStoringThemTwice() {
        writeBehind.add(telemetry("a", 1));
        writeBehind.add(telemetry("a", 1));
        writeBehind.add(telemetry("a", 2));
        await().untilAsserted(() -> assertThat(acked).hasValue(3));
        assertThat(store.stored()).isEqualTo(2);
        assertThat(counters.duplicatesOf(SignalSource.TELEMETRY)).isEqualTo(1);
        assertThat(counters.processedOf(SignalSource.TELEMETRY)).isEqualTo(2);
    }

    @Test
    void holdsAndRetriesWhileTheDatabaseIsDownThenRecovers() {
        store.down = true;
        writeBehind.add(telemetry("a", 1));
        await().untilAsserted(() -> assertThat(writeBehind.pressure()).isEqualTo(Pressure.STALLED));
        assertThat(acked).hasValue(0);
        assertThat(writeBehind.stalledSince()).isPositive();

        store.down = false;
        await().untilAsserted(() -> assertThat(acked).hasValue(1));
        assertThat(writeBehind.pressure()).isEqualTo(Pressure.FLOWING);
        assertThat(store.stored()).isEqualTo(1);
    }

    @Test
    void deadLettersTheOneRowTheDatabaseRefusesAndStoresTheRest() {
        store.holdWrites = true;
        for (int i = 1; i <= 40; i++) {
            writeBehind.add(telemetry("a", i));
        }
        store.refuses = item -> !item.isDeadLetter() && ((Telemetry) item.signal()).seq() == 17;
        store.holdWrites = false;
        store.release();
        await().untilAsserted(() -> assertThat(acked).hasValue(40));
        assertThat(store.stored()).isEqualTo(39);
        assertThat(store.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(RejectReason.STORE_REJECTED);
            assertThat(letter.detail()).contains("value too long");
            assertThat(letter.topic()).isEqualTo("grid/v1/sensors/a/telemetry");
            assertThat(letter.payload()).as("the message as it arrived, whole, to be replayed")
                    .isEqualTo(payload(17));
            assertThat(letter.payloadSize()).isEqualTo(payload(17).length);
        });
        assertThat(counters.rejectedOf(SignalSource.TELEMETRY, RejectReason.STORE_REJECTED)).isEqualTo(1);
    }

    @Test
    void aDeadLetterTheDatabaseRefusesGoesBackToTheBrokerUnacknowledgedAndCounted() {
        store.refuses = PendingItem::isDeadLetter;
        Delivery bad = new Delivery();
        DeadLetter letter = new DeadLetter(RejectReason.MALFORMED_JSON, "not JSON", "grid/v1/sensors/a/telemetry", "a",
                1_001, new byte[] {'x'}, 1, null);
        writeBehind.add(PendingItem.rejected(letter, SignalSource.TELEMETRY, bad));
        writeBehind.add(telemetry("a", 1));

        await().untilAsserted(() -> assertThat(bad.redelivered).hasValue(1));
        await().untilAsserted(() -> assertThat(acked).hasValue(1));
        assertThat(bad.acknowledged).as("never acknowledged: the broker keeps it").hasValue(0);
        assertThat(writeBehind.outstanding()).isZero();
        assertThat(counters.redeliveredOf(SignalSource.TELEMETRY)).isEqualTo(1);
        assertThat(counters.rejectedOf(SignalSource.TELEMETRY, RejectReason.MALFORMED_JSON))
                .as("counted as rejected only once its dead letter is stored").isZero();
        assertThat(store.stored()).isEqualTo(1);
    }

    @Test
    void aRefusedRowWhoseDeadLetterIsRefusedTooGoesBackAndTheRestOfItsBatchIsStored() {
        store.holdWrites = true;
        List<Delivery> deliveries = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Delivery delivery = new Delivery();
            deliveries.add(delivery);
            writeBehind.add(telemetry("a", i, delivery));
        }
        // seq 7 is refused as a signal, and its store_rejected dead letter is refused as well
        store.refuses = item -> item.isDeadLetter() || ((Telemetry) item.signal()).seq() == 7;
        store.holdWrites = false;
        store.release();

        await().untilAsserted(() -> assertThat(deliveries.stream().mapToInt(d -> d.acknowledged.get()).sum())
                .isEqualTo(19));
        assertThat(deliveries.get(6).redelivered).hasValue(1);
        assertThat(deliveries.get(6).acknowledged).hasValue(0);
        assertThat(store.stored()).isEqualTo(19);
        assertThat(counters.redeliveredOf(SignalSource.TELEMETRY)).isEqualTo(1);
        assertThat(counters.rejectedOf(SignalSource.TELEMETRY, RejectReason.STORE_REJECTED)).isZero();
        assertThat(writeBehind.outstanding()).isZero();
    }

    @Test
    void reportsSaturationWhenCapacityIsFull() {
        WriteBehind small = new WriteBehind(new WriteBehind.Settings(10, 1, 3, Duration.ofMillis(20), 256), store,
                counters, timer);
        store.holdWrites = true;
        small.add(telemetry("a", 1));
        small.add(telemetry("a", 2));
        assertThat(small.pressure()).isEqualTo(Pressure.FLOWING);
        small.add(telemetry("a", 3));
        assertThat(small.pressure()).isEqualTo(Pressure.SATURATED);
    }

    @Test
    void aBugAfterTheWriteHandsTheBatchBackToTheBrokerAndFreesItsRoom() {
        Delivery delivery = new Delivery();
        store.answersBadly = true;
        writeBehind.add(telemetry("a", 1, delivery));

        await().untilAsserted(() -> assertThat(delivery.redelivered).hasValue(1));
        assertThat(delivery.acknowledged).hasValue(0);
        assertThat(writeBehind.outstanding()).isZero();
        assertThat(counters.redeliveredOf(SignalSource.TELEMETRY)).isEqualTo(1);

        store.answersBadly = false;
        writeBehind.add(telemetry("b", 1));
        await().untilAsserted(() -> assertThat(acked).hasValue(1));
    }
}
