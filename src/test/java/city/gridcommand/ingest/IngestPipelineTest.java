package city.gridcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.signal.SignalSource;
import city.gridcommand.testing.RegistryInMemory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

    private static final long NOW = 1_732_200_000_000L;

    private final FakeBatchStore store = new FakeBatchStore();
    private final IngestCounters counters = new IngestCounters();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger acked = new AtomicInteger();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Knows only "known" (as a device and as a worker); remembers what it was asked to register. */
    private final RegistryInMemory onlyKnown = new RegistryInMemory().device("known", null).worker("known", null);

    private IngestPipeline pipeline(UnknownSenders unknownSenders) {
        WriteBehind writeBehind = new WriteBehind(new WriteBehind.Settings(100, 1, 1000, Duration.ofMillis(20), 8),
                store, counters, timer, StoredAlertAcks.NONE);
        SignalDecoder decoder = new SignalDecoder(new IngestLimits(4096, Duration.ofMinutes(5), Duration.ofDays(1)),
                () -> NOW);
        return new IngestPipeline(decoder, new Admission(onlyKnown, unknownSenders), Locator.NONE, Judge.NONE, writeBehind,
                counters, 8, PlacedSignals.NONE);
    }

    private InboundMessage message(String topic, String payload) {
        return new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), NOW, acked::incrementAndGet);
    }

    @Test
    void refusesUnregisteredSendersWhenRegistrationIsRequiredAndKeepsTheRest() {
        IngestPipeline pipeline = pipeline(UnknownSenders.REFUSE);
        String reading = "{\"ts\":" + NOW + ",\"seq\":1,\"metrics\":{\"t\":1}}";
        pipeline.accept(message("grid/v1/sensors/known/telemetry", reading));
        pipeline.accept(message("grid/v1/sensors/stranger/telemetry", reading));

        await().untilAsserted(() -> assertThat(acked).hasValue(2));
        assertThat(store.stored()).isEqualTo(1);
        assertThat(store.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(RejectReason.UNKNOWN_SENDER);
            assertThat(letter.senderId()).isEqualTo("stranger");
            assertThat(letter.payload()).as("kept whole, to be replayed").asString(StandardCharsets.UTF_8)
                    .isEqualTo(reading);
            assertThat(letter.payloadSize()).isEqualTo(reading.length());
        });
        assertThat(counters.receivedOf(SignalSource.TELEMETRY)).isEqualTo(2);
        assertThat(counters.rejectedOf(SignalSource.TELEMETRY, RejectReason.UNKNOWN_SENDER)).isEqualTo(1);
        assertThat(onlyKnown.registrations()).isEmpty();
    }

    @Test
    void registersUnknownSendersOnFirstSightWhenSoConfigured() {
        IngestPipeline pipeline = pipeline(UnknownSenders.REGISTER);
        String reading = "{\"ts\":" + NOW + ",\"seq\":1,\"metrics\":{\"t\":1}}";
        pipeline.accept(message("grid/v1/sensors/known/telemetry", reading));
        pipeline.accept(message("grid/v1/sensors/stranger/telemetry", reading));

        await().untilAsserted(() -> assertThat(acked).hasValue(2));
        assertThat(store.stored()).isEqualTo(2);
        assertThat(onlyKnown.registrations()).containsExactly(SignalSource.TELEMETRY.label() + ":stranger");
    }

    @Test
    void keepsOnlyTheFirstBytesOfAnOversizedPayload() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        String huge = "{\"ts\":" + NOW + ",\"seq\":1,\"pad\":\"" + "x".repeat(5000) + "\"}";
        pipeline.accept(message("grid/v1/sensors/big/telemetry", huge));

        await().untilAsserted(() -> assertThat(acked).hasValue(1));
        assertThat(store.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(RejectReason.OVERSIZED_PAYLOAD);
            assertThat(letter.payload()).hasSize(8);
            assertThat(letter.payloadSize()).isEqualTo(huge.length());
        });
    }

    @Test
    void countsUnknownTopicsAndDetectionKinds() {
        IngestPipeline pipeline = pipeline(UnknownSenders.ACCEPT);
        pipeline.accept(message("grid/v1/boats/b1/telemetry", "{}"));
        pipeline.accept(message("grid/v1/cameras/c1/detections",
                "{\"ts\":" + NOW + ",\"seq\":1,\"kind\":\"drone\",\"confidence\":0.4}"));

        await().untilAsserted(() -> assertThat(acked).hasValue(2));
        assertThat(counters.rejectedOf(SignalSource.UNKNOWN, RejectReason.UNKNOWN_TOPIC)).isEqualTo(1);
        assertThat(counters.unknownKindsOf(SignalSource.DETECTION)).isEqualTo(1);
        assertThat(counters.processedOf(SignalSource.DETECTION)).isEqualTo(1);
    }
}
