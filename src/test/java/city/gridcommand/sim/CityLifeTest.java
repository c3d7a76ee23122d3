package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import city.gridcommand.geo.Cell;
import city.gridcommand.ingest.DetectionKinds;
import city.gridcommand.ingest.IngestLimits;
import city.gridcommand.ingest.SignalDecoder;
import city.gridcommand.ingest.TopicAddress;
import city.gridcommand.registry.Device;
import city.gridcommand.registry.DeviceType;
import city.gridcommand.registry.Worker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The city's life as the service will receive it: the contract's topics and payloads, in a plausible city. */
class CityLifeTest {

    private static final long NOW = 1_732_200_000_000L;
    private static final int MESSAGES = 40_000;
    private static final Pattern TOPIC = Pattern.compile("grid/v1/(sensors|cameras|workers|devices)/([^/]+)/(\\w+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DemoCity city;
    private static List<CityMessage> messages;

    /** A stormy quarter of an hour: every feed has messages in it (CityDayTest counts a normal day). */
    @BeforeAll
    static void live() {
        city = StandardCity.get();
        messages = run(new CityLife(city, 1, Intensity.STORM, () -> NOW), MESSAGES);
    }

    @Test
    void everyFeedOfTheContractIsThere() {
        Map<String, Integer> feeds = new HashMap<>();
        messages.forEach(m -> feeds.merge(feed(m), 1, Integer::sum));

        assertThat(feeds).containsOnlyKeys("sensors/telemetry", "cameras/detections", "workers/location",
                "workers/reports", "devices/status");
        assertThat(feeds.get("workers/reports")).isGreaterThan(5);
        // A few percent of devices a day even in a storm: a handful in a quarter hour (CityDayTest counts a day).
        assertThat(feeds.get("devices/status")).isGreaterThan(1);
    }

    @Test
    void theServiceDecoderAcceptsEveryMessage() {
        SignalDecoder decoder = new SignalDecoder(new IngestLimits(65_536, Duration.ofMinutes(1), Duration.ofDays(1)),
                () -> NOW);
        for (CityMessage message : messages) {
            assertThatCode(() -> decoder.decode(TopicAddress.parse(message.topic()), message.payload(), NOW))
                    .as(message.topic() + " " + message.payloadText()).doesNotThrowAnyException();
        }
    }

    @Test
    void payloadsHaveTheContractsFields() throws Exception {
        for (CityMessage message : messages) {
            JsonNode json = JSON.readTree(message.payload());
            assertThat(json.get("ts").asLong()).isEqualTo(NOW);
            assertThat(json.get("seq").isIntegralNumber()).isTrue();
            switch (feed(message)) {
                case "sensors/telemetry" -> assertTelemetry(json);
                case "cameras/detections" -> assertDetection(json);
                case "workers/location" -> assertLocation(json);
                case "workers/reports" -> assertReport(json);
                case "devices/status" -> assertThat(json.get("online").isBoolean()).isTrue();
                default -> throw new AssertionError("unexpected topic " + message.topic());
            }
            assertThat(message.retained()).isEqualTo(feed(message).equals("devices/status"));
        }
    }

    @Test
    void sendersAreTheCitysDevicesAndWorkersAndTheirSeqOnlyIncreases() throws Exception {
        Set<String> known = new HashSet<>();
        city.devices().forEach(d -> known.add(d.id()));
        city.workers().forEach(w -> known.add(w.id()));
        Map<String, Long> lastSeq = new HashMap<>();
        for (CityMessage message : messages) {
            String sender = sender(message);
            assertThat(known).contains(sender);
            long seq = JSON.readTree(message.payload()).get("seq").asLong();
            Long previous = lastSeq.put(sender, seq);
            assertThat(seq).as(sender).isGreaterThan(previous == null ? 0 : previous);
        }
    }

    @Test
    void someDetectionsAreConfidentAndSomeUnsure() throws Exception {
        int confident = 0;
        int unsure = 0;
        for (CityMessage message : messages) {
            JsonNode json = JSON.readTree(message.payload());
            if (json.has("confidence")) {
                double confidence = json.get("confidence").asDouble();
                assertThat(confidence > 0.6 && confidence < 0.7).as("between unsure and confident: " + confidence)
                        .isFalse();
                if (confidence < 0.6) {
                    unsure++;
                } else {
                    confident++;
                }
            }
        }
        assertThat(confident).isPositive();
        assertThat(unsure).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameLifeWhateverTheClock() {
        List<CityMessage> again = run(new CityLife(city, 1, Intensity.STORM, () -> NOW + 12_345), MESSAGES / 4);
        List<CityMessage> other = run(new CityLife(city, 2, Intensity.STORM, () -> NOW), MESSAGES / 4);

        for (int i = 0; i < again.size(); i++) {
            assertThat(again.get(i).topic()).isEqualTo(messages.get(i).topic());
            assertThat(again.get(i).payloadText().replace("\"ts\":" + (NOW + 12_345), "\"ts\":" + NOW))
                    .isEqualTo(messages.get(i).payloadText());
        }
        assertThat(other.stream().map(CityMessage::topic).toList())
                .isNotEqualTo(messages.subList(0, other.size()).stream().map(CityMessage::topic).toList());
    }

    @Test
    void workersStayInTheCellsTheyLookAfter() throws Exception {
        WorkerAreas areas = new WorkerAreas(city);
        int checked = 0;
        for (CityMessage message : messages) {
            String feed = feed(message);
            if (feed.equals("workers/location") || feed.equals("workers/reports")) {
                JsonNode json = JSON.readTree(message.payload());
                double metres = areas.metresOutside(sender(message), json.get("lon").asDouble(),
                        json.get("lat").asDouble());
                // A fix is off by up to its accuracy on each axis; a report is pinned where the worker stands.
                double allowed = json.has("accuracy") ? json.get("accuracy").asDouble() * Math.sqrt(2) : 0;
                assertThat(metres).as(message.payloadText()).isLessThanOrEqualTo(allowed + 1);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(MESSAGES / 4);
    }

    private static void assertTelemetry(JsonNode json) {
        assertThat(json.has("lat") || json.has("lon")).as("fixed sensors send no position").isFalse();
        assertThat(json.get("metrics").size()).isPositive();
        json.get("metrics").forEach(value -> assertThat(value.isNumber()).isTrue());
    }

    private static void assertDetection(JsonNode json) {
        assertThat(DetectionKinds.isKnown(json.get("kind").asText())).isTrue();
        assertThat(json.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("snapshotUrl").asText()).startsWith("https://");
    }

    private static void assertLocation(JsonNode json) {
        assertThat(json.get("lat").asDouble()).isBetween(22.47, 22.59);
        assertThat(json.get("lon").asDouble()).isBetween(113.87, 114.01);
        assertThat(json.get("accuracy").asDouble()).isBetween(3.0, 30.0);
        assertThat(json.get("battery").asDouble()).isBetween(0.0, 1.0);
    }

    private static void assertReport(JsonNode json) {
        assertThat(UUID.fromString(json.get("reportId").asText()).version()).isEqualTo(4);
        assertThat(json.get("category").asText()).isNotBlank();
        assertThat(json.get("description").asText()).isNotBlank();
        assertThat(json.get("lat").isNumber() && json.get("lon").isNumber()).isTrue();
        assertThat(json.get("photos").isArray()).isTrue();
        assertThat(json.get("severity").asText()).isIn("GREEN", "YELLOW", "RED");
    }

    private static List<CityMessage> run(CityLife life, int count) {
        List<CityMessage> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(life.next());
        }
        return result;
    }

    private static String feed(CityMessage message) {
        Matcher matcher = TOPIC.matcher(message.topic());
        assertThat(matcher.matches()).as(message.topic()).isTrue();
        return matcher.group(1) + "/" + matcher.group(3);
    }

    private static String sender(CityMessage message) {
        Matcher matcher = TOPIC.matcher(message.topic());
        assertThat(matcher.matches()).isTrue();
        return matcher.group(2);
    }
}
