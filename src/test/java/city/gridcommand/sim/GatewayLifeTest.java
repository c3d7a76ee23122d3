package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.ingest.GatewayBatch;
import city.gridcommand.ingest.IngestLimits;
import city.gridcommand.ingest.SignalDecoder;
import city.gridcommand.ingest.TopicAddress;
import city.gridcommand.signal.SignalSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stormy quarter of an hour of the standard city with all its gateways, one of them dying midway, as the
 * service takes it apart: every gateway message is one the service's decoder reads, and every reading of a
 * device behind a gateway is sent exactly once, in a batch of its own gateway, or lost while that was down.
 */
class GatewayLifeTest {

    private static final long NOW = 1_732_200_000_000L;
    private static final int MESSAGES = 40_000;
    private static final int GATEWAYS = 16;

    @Test
    void everyReadingGoesOnceThroughItsGatewayInMessagesTheServiceDecodes() throws Exception {
        DemoCity city = StandardCity.get();
        GatewayChoice choice = GatewayChoice.of(city.devices(), GATEWAYS);
        GatewayTraffic traffic = new GatewayTraffic(choice);
        CityLife life = new CityLife(city, 1, Intensity.STORM, () -> NOW);
        SignalDecoder decoder = new SignalDecoder(new IngestLimits(65_536, Duration.ofMinutes(1), Duration.ofDays(1)),
                () -> NOW);
        List<CityMessage> sent = new ArrayList<>();
        long readingsBehind = 0;
        for (int i = 0; i < MESSAGES; i++) {
            CityMessage message = life.next();
            if (choice.behind().containsKey(message.sender()) && (message.feed() == CityMessage.Feed.TELEMETRY
                    || message.feed() == CityMessage.Feed.DETECTION)) {
                readingsBehind++;
            }
            if (i == MESSAGES / 3) {
                sent.addAll(traffic.die(choice.dying()));
            }
            if (i == MESSAGES / 2) {
                sent.addAll(traffic.back(choice.dying(), NOW));
            }
            sent.addAll(traffic.route(message, life.simulatedMillis(), NOW));
        }
        sent.addAll(traffic.flushAll());

        Map<String, Integer> readings = new HashMap<>();
        int statuses = 0;
        for (CityMessage message : sent) {
            TopicAddress address = TopicAddress.parse(message.topic());
            if (!address.viaGateway()) {
                assertThat(choice.behind()).as(message.topic()).doesNotContainKey(message.sender());
                decoder.decode(address, message.payload(), NOW);
                continue;
            }
            assertThat(message.payload().length).isLessThan(65_536);
            if (address.source() == SignalSource.DEVICE_STATUS) {
                decoder.decodeGatewayStatus(message.payload());
                statuses++;
                continue;
            }
            for (GatewayBatch.Entry entry : GatewayBatch.entries(address.source(), message.payload())) {
                assertThat(entry.problem()).isNull();
                assertThat(choice.behind().get(entry.senderId())).isEqualTo(address.gatewayId());
                for (byte[] reading : entry.readings()) {
                    decoder.decode(address.reading(entry.senderId()), reading, NOW);
                    readings.merge(entry.senderId() + " " + new String(reading, StandardCharsets.UTF_8),
                            1, Integer::sum);
                }
            }
        }

        assertThat(readings.values()).as("no reading sent twice").allMatch(n -> n == 1);
        assertThat(traffic.readings()).isEqualTo(readings.size());
        assertThat(traffic.lost()).isPositive();
        assertThat(traffic.readings() + traffic.lost()).isEqualTo(readingsBehind);
        assertThat(statuses).as("devices behind gateways go offline and come back in a storm").isPositive();
    }
}
