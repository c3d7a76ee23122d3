package city.gridcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.testing.RegistryInMemory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A gateway's messages over the real pipeline and write-behind, with the store in memory. */
class GatewayPipelineTest {

    private static final long NOW = 1_732_200_000_000L;

    private final FakeBatchStore store = new FakeBatchStore();
    private final IngestCounters counters = new IngestCounters();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RegistryInMemory registry = new RegistryInMemory()
            .device("smk-1", "gw-1").device("smk-2", "gw-1").device("smk-9", "gw-2").device("solo", null);
    private final List<PendingItem> written = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** One broker message's acknowledgement: how often it was acknowledged or handed back, and its weight. */
    private static final class Delivery implements Acknowledgement {
        final AtomicInteger acked = new AtomicInteger();
        final AtomicInteger handedBack = new AtomicInteger();
        volatile int holds = 1;

        @Override
        public void acknowledge() {
            acked.incrementAndGet();
        }

        @Override
        public void redeliver() {
            handedBack.incrementAndGet();
        }

        @Override
        public void holds(int items) {
            holds = items;
        }
    }

    private IngestPipeline pipeline(UnknownSenders unknownSenders) {
        BatchStore recording = items -> {
            written.addAll(items);
            return store.write(items);
        };
        WriteBehind writeBehind = new WriteBehind(new WriteBehind.Settings(50, 1, 1000, Duration.ofMillis(20), 4096),
                recording, counters, timer, StoredAlertAcks.NONE);
        SignalDecoder decoder = new SignalDecoder(new IngestLimits(4096, Duration.ofMinutes(5), Duration.ofDays(1)),
                () -> NOW);
        return new IngestPipeline(decoder, new Admission(registry, unknownSenders), Locator.NONE, Judge.NONE,
                writeBehind, counters, 64, PlacedSignals.NONE);
    }

    private static String reading(long seq) {
        return "{\"ts\":" + NOW + ",\"seq\":" + seq + ",\"metrics\":{\"smoke\":0.1}}";
    }

    private static InboundMessage message(String topic, String payload, Delivery delivery) {
        return new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), NOW, delivery);
    }

    @Test
    void storesEveryGoodReadingDeadLettersTheBadOneAloneAndAcknowledgesTheMessageOnceAllAreDurable() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        String bad = "{\"ts\":" + NOW + ",\"seq\":-3,\"metrics\":{\"smoke\":0.1}}";
        String batch = "{\"devices\":{\"smk-1\":[" + reading(1) + "," + bad + "," + reading(2) + "],"
                + "\"smk-2\":[" + reading(1) + "]}}";
        Delivery delivery = new Delivery();
        store.holdWrites = true;

        pipeline.accept(message("grid/v1/gateways/gw-1/telemetry", batch, delivery));

        assertThat(delivery.holds).as("the message weighs its readings").isEqualTo(4);
        assertThat(delivery.acked).as("nothing durable yet").hasValue(0);
        store.holdWrites = false;
        await().untilAsserted(() -> {
            store.release();
            assertThat(delivery.acked).hasValue(1);
        });
        assertThat(delivery.handedBack).hasValue(0);
        assertThat(store.stored()).isEqualTo(3);
        assertThat(store.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(RejectReason.INVALID_VALUE);
            assertThat(letter.senderId()).isEqualTo("smk-1");
            assertThat(letter.gatewayId()).isEqualTo("gw-1");
            assertThat(letter.topic()).isEqualTo("grid/v1/gateways/gw-1/telemetry");
            assertThat(letter.detail()).contains("gw-1", "smk-1", "'seq'");
            assertThat(new String(letter.payload(), StandardCharsets.UTF_8)).as("a batch of the one reading")
                    .isEqualTo("{\"devices\":{\"smk-1\":[" + bad + "]}}");
        });
        assertThat(counters.receivedOf(SignalSource.TELEMETRY)).isEqualTo(4);
        assertThat(counters.processedOf(SignalSource.TELEMETRY)).isEqualTo(3);
        assertThat(counters.gatewayMessagesOf(SignalSource.TELEMETRY)).isEqualTo(1);
        assertThat(written).filteredOn(item -> !item.isDeadLetter())
                .allSatisfy(item -> assertThat(item.gateway()).isEqualTo("gw-1"));
    }

    @Test
    void theSameBatchAgainIsDuplicatesAndAReadingAloneEqualsItsSliceOfTheBatch() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        String batch = "{\"devices\":{\"smk-1\":[" + reading(1) + "," + reading(2) + "]}}";
        Delivery first = new Delivery();
        Delivery again = new Delivery();

        pipeline.accept(message("grid/v1/gateways/gw-1/telemetry", batch, first));
        pipeline.accept(message("grid/v1/gateways/gw-1/telemetry", batch, again));

        await().untilAsserted(() -> assertThat(again.acked).hasValue(1));
        assertThat(store.stored()).isEqualTo(2);
        assertThat(counters.duplicatesOf(SignalSource.TELEMETRY)).isEqualTo(2);
        assertThat(written).filteredOn(item -> !item.isDeadLetter()).extracting(item -> new String(item.payload(),
                StandardCharsets.UTF_8)).containsExactly(reading(1), reading(2), reading(1), reading(2));
    }

    @Test
    void refusesReadingsForDevicesNotBehindTheGatewayWhateverTheSetting() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        String batch = "{\"devices\":{\"smk-1\":[" + reading(1) + "],\"smk-9\":[" + reading(1) + "],"
                + "\"solo\":[" + reading(1) + "],\"stranger\":[" + reading(1) + "]}}";
        Delivery delivery = new Delivery();

        pipeline.accept(message("grid/v1/gateways/gw-1/telemetry", batch, delivery));

        await().untilAsserted(() -> assertThat(delivery.acked).hasValue(1));
        assertThat(store.stored()).as("smk-1, and the stranger under accept").isEqualTo(2);
        assertThat(store.deadLetters).extracting(DeadLetter::senderId).containsExactlyInAnyOrder("smk-9", "solo");
        assertThat(store.deadLetters).allSatisfy(letter ->
                assertThat(letter.reason()).isEqualTo(RejectReason.NOT_BEHIND_GATEWAY));
        assertThat(store.deadLetters).filteredOn(letter -> letter.senderId().equals("smk-9")).singleElement()
                .satisfies(letter -> assertThat(letter.detail()).contains("behind gateway 'gw-2'"));
        assertThat(counters.rejectedOf(SignalSource.TELEMETRY, RejectReason.NOT_BEHIND_GATEWAY)).isEqualTo(2);
    }

    @Test
    void registersANewDeviceBehindTheGatewayAndRefusesOneWhenUnknownSendersAreRefused() {
        Delivery registered = new Delivery();
        pipeline(UnknownSenders.REGISTER).accept(message("grid/v1/gateways/gw-1/telemetry",
                "{\"devices\":{\"new-1\":[" + reading(1) + "]}}", registered));
        await().untilAsserted(() -> assertThat(registered.acked).hasValue(1));
        assertThat(registry.registrations()).containsExactly("telemetry:new-1@gw-1");
        assertThat(registry.gatewayOf(SignalSource.TELEMETRY, "new-1")).isEqualTo("gw-1");

        Delivery refused = new Delivery();
        pipeline(UnknownSenders.REFUSE).accept(message("grid/v1/gateways/gw-1/telemetry",
                "{\"devices\":{\"new-2\":[" + reading(1) + "],\"smk-1\":[" + reading(5) + "]}}", refused));
        await().untilAsserted(() -> assertThat(refused.acked).hasValue(1));
        assertThat(store.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(RejectReason.UNKNOWN_SENDER);
            assertThat(letter.senderId()).isEqualTo("new-2");
        });
    }

    @Test
    void aBatchThatCannotBeTakenApartIsOneDeadLetterOfTheGateway() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        Delivery delivery = new Delivery();

        pipeline.accept(message("grid/v1/gateways/gw-1/telemetry", "{\"devices\":{\"smk-1\":[{\"ts\":", delivery));

        await().untilAsserted(() -> assertThat(delivery.acked).hasValue(1));
        assertThat(delivery.holds).isEqualTo(1);
        assertThat(store.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
            assertThat(letter.senderId()).isEqualTo("gw-1");
            assertThat(letter.gatewayId()).isEqualTo("gw-1");
        });
        assertThat(counters.receivedOf(SignalSource.TELEMETRY)).isEqualTo(1);
    }

    @Test
    void theGatewaysLastWillTakesItAndEveryDeviceBehindItOfflineAndItsReturnBringsThemBack() {
        IngestPipeline pipeline = pipeline(UnknownSenders.REFUSE);
        Delivery will = new Delivery();

        pipeline.accept(message("grid/v1/gateways/gw-1/status", "{\"ts\":" + (NOW - 86_400_000L) + ",\"online\":false}",
                will));

        await().untilAsserted(() -> assertThat(will.acked).hasValue(1));
        assertThat(statuses()).containsExactlyInAnyOrder("gw-1:false", "smk-1:false", "smk-2:false");
        assertThat(store.deadLetters).isEmpty();

        written.clear();
        Delivery back = new Delivery();
        pipeline.accept(message("grid/v1/gateways/gw-1/status", "{\"ts\":" + NOW + ",\"online\":true}", back));
        await().untilAsserted(() -> assertThat(back.acked).hasValue(1));
        assertThat(statuses()).containsExactlyInAnyOrder("gw-1:true", "smk-1:true", "smk-2:true");
        assertThat(written).filteredOn(item -> item.signal().senderId().equals("smk-1")).singleElement()
                .satisfies(item -> assertThat(new String(item.payload(), StandardCharsets.UTF_8))
                        .as("what the device would have said alone").isEqualTo("{\"ts\":" + NOW + ",\"online\":true}"));
    }

    @Test
    void connectAndDisconnectListsSpeakForTheDevicesTheyNameOnlyIfBehindTheGateway() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        Delivery delivery = new Delivery();

        pipeline.accept(message("grid/v1/gateways/gw-1/status",
                "{\"ts\":" + NOW + ",\"disconnect\":[\"smk-2\",\"smk-9\",\"no good\"]}", delivery));

        await().untilAsserted(() -> assertThat(delivery.acked).hasValue(1));
        assertThat(statuses()).containsExactly("smk-2:false");
        assertThat(store.deadLetters).extracting(DeadLetter::reason)
                .containsExactlyInAnyOrder(RejectReason.NOT_BEHIND_GATEWAY, RejectReason.INVALID_SENDER_ID);
        assertThat(store.deadLetters).filteredOn(letter -> letter.reason() == RejectReason.NOT_BEHIND_GATEWAY)
                .singleElement().satisfies(letter -> assertThat(new String(letter.payload(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"ts\":" + NOW + ",\"disconnect\":[\"smk-9\"]}"));
    }

    @Test
    void aStatusWithNeitherOrBothIsRefusedWhole() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        Delivery neither = new Delivery();
        Delivery both = new Delivery();

        pipeline.accept(message("grid/v1/gateways/gw-1/status", "{\"ts\":" + NOW + "}", neither));
        pipeline.accept(message("grid/v1/gateways/gw-1/status",
                "{\"ts\":" + NOW + ",\"online\":true,\"connect\":[\"smk-1\"]}", both));

        await().untilAsserted(() -> assertThat(both.acked).hasValue(1));
        assertThat(store.deadLetters).extracting(DeadLetter::reason)
                .containsExactly(RejectReason.MISSING_FIELD, RejectReason.INVALID_VALUE);
    }

    @Test
    void aReadingTheStoreCannotKeepSendsTheWholeMessageBackToTheBroker() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        // the store refuses smk-2's reading and then its dead letter too: it cannot be made durable at all
        store.refuses = item -> (item.isDeadLetter() ? item.deadLetter().senderId() : item.signal().senderId())
                .equals("smk-2");
        Delivery delivery = new Delivery();

        pipeline.accept(message("grid/v1/gateways/gw-1/telemetry",
                "{\"devices\":{\"smk-1\":[" + reading(1) + "],\"smk-2\":[" + reading(1) + "]}}", delivery));

        await().untilAsserted(() -> assertThat(delivery.handedBack).hasValue(1));
        assertThat(delivery.acked).hasValue(0);
    }

    private List<String> statuses() {
        List<String> said = new ArrayList<>();
        for (PendingItem item : written) {
            if (!item.isDeadLetter() && item.signal() instanceof DeviceStatus status) {
                said.add(status.senderId() + ":" + status.online());
            }
        }
        return said;
    }
}
