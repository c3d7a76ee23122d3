package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A day of the standard demo city at {@link Intensity#NORMAL} (and a quarter of one at the others), counted
 * from its messages as a rule engine without confirmation would see them: an incident is a run of confident
 * detections (≥ 0.7) or above-threshold readings of one kind in one cell with no gap longer than
 * {@link #EPISODE_GAP_MILLIS}, and every worker's report is a case. The counts must match the calibration the README documents.
 */
class CityDayTest {

    private static final long DAY = 86_400_000L;
    private static final long EPISODE_GAP_MILLIS = 10 * 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DemoCity city;
    private static int baseCells;
    private static final Map<Intensity, Day> DAYS = new EnumMap<>(Intensity.class);

    @BeforeAll
    static void live() {
        city = StandardCity.get();
        baseCells = (int) city.cells().stream().filter(c -> c.isBaseCell()).count();
        for (Intensity intensity : Intensity.values()) {
            // A whole day at normal; a quarter of one is enough to compare the others' rates with it.
            DAYS.put(intensity, Day.of(new CityLife(city, 1, intensity, () -> 0L), city,
                    intensity == Intensity.NORMAL ? DAY : DAY / 4));
        }
    }

    @Test
    void aNormalDayHasARealCitysCasesPerBaseCell() {
        Day day = DAYS.get(Intensity.NORMAL);
        double perCell = (double) day.cases() / baseCells;

        // Haidian: 3,000 cases a day over 8,562 cells ≈ 0.35; the documented band is 0.2–0.5.
        assertThat(perCell).as("cases per base cell per day, %s", day.byCategory).isBetween(0.2, 0.5);
        assertThat(day.reports).as("workers' reports are about half the cases").isBetween(day.cases() / 4,
                day.cases() * 3 / 4);
    }

    @Test
    void firesAreRare() {
        // A handful of real fires a month in 2,000 cells; with false alarms at most a few fire events a day.
        assertThat(DAYS.get(Intensity.NORMAL).byCategory.getOrDefault("fire", 0)).isLessThanOrEqualTo(3);
    }

    @Test
    void theMixIsSanitationStreetOrderAndFacilities() {
        Day day = DAYS.get(Intensity.NORMAL);
        Map<String, Integer> mix = day.byCategory;
        int cases = day.cases();
        mix.forEach((category, count) -> assertThat((double) count / cases).as(category + " of " + mix)
                .isLessThanOrEqualTo(0.35));
        int main = 0;
        for (String category : Set.of("garbage_overflow", "illegal_parking", "street_vending", "illegal_advertising",
                "road_damage", "broken_streetlight", "manhole_missing")) {
            main += mix.getOrDefault(category, 0);
        }
        assertThat((double) main / cases).as("sanitation, street order and facilities in " + mix).isGreaterThan(0.7);
        assertThat(mix.get("garbage_overflow")).as("sanitation is the largest category")
                .isEqualTo(mix.values().stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void aFewPercentOfDevicesGoOfflineAndMostComeBack() {
        Day day = DAYS.get(Intensity.NORMAL);
        double share = (double) day.wentOffline.size() / city.devices().size();

        assertThat(share).isBetween(0.015, 0.04);
        assertThat(day.cameBack.size()).isGreaterThanOrEqualTo(day.wentOffline.size() * 3 / 4);
    }

    @Test
    void sensorsAndCamerasSeeIncidentsThatClear() {
        Day day = DAYS.get(Intensity.NORMAL);

        assertThat(day.sensorEpisodes).as("sensor excursions").isPositive();
        assertThat(day.cameraEpisodes).as("incidents seen by cameras").isPositive();
        // A real incident is seen several times over; readings come back below every rule's clearAt.
        assertThat(day.confidentDetections).isGreaterThan(2 * day.cameraEpisodes);
        assertThat(day.unsureDetections).as("the background of unsure detections")
                .isGreaterThan(day.confidentDetections);
        assertThat(day.stuckSensors).as("sensors still above a clearAt level at the end of the day").isLessThan(20);
    }

    @Test
    void noCellIsFlooded() {
        assertThat(DAYS.get(Intensity.NORMAL).mostInACellAndHour).isLessThanOrEqualTo(3);
    }

    @Test
    void calmIsQuieterThanNormalAndStormBusierButTheHeartbeatIsTheSame() {
        Day calm = DAYS.get(Intensity.CALM);
        Day normal = DAYS.get(Intensity.NORMAL);
        Day storm = DAYS.get(Intensity.STORM);

        assertThat(calm.perHour(calm.cases())).isLessThan(normal.perHour(normal.cases()) / 2);
        assertThat(storm.perHour(storm.cases())).isGreaterThan(normal.perHour(normal.cases()) * 3);
        assertThat(calm.perHour(calm.wentOffline.size())).isLessThan(normal.perHour(normal.wentOffline.size()));
        assertThat(storm.perHour(storm.wentOffline.size())).isGreaterThan(normal.perHour(normal.wentOffline.size()));
        // Readings and fixes do not scale, so an hour of city time takes about as many messages at every intensity.
        assertThat(storm.perHour(storm.messages) / calm.perHour(calm.messages)).isBetween(0.95, 1.1);
        assertThat(normal.perHour(normal.messages) / calm.perHour(calm.messages)).isBetween(0.95, 1.1);
    }

    /** One simulated day's counts. */
    private static final class Day {
        long hours;
        long messages;
        int reports;
        int cameraEpisodes;
        int sensorEpisodes;
        long confidentDetections;
        long unsureDetections;
        int stuckSensors;
        int mostInACellAndHour;
        final Map<String, Integer> byCategory = new HashMap<>();
        final Set<String> wentOffline = new HashSet<>();
        final Set<String> cameBack = new HashSet<>();
        private final Map<String, Long> lastSeen = new HashMap<>();
        private final Map<String, Integer> perCellHour = new HashMap<>();
        private final Set<String> aboveClearAt = new HashSet<>();

        int cases() {
            return cameraEpisodes + sensorEpisodes + reports;
        }

        double perHour(long count) {
            return (double) count / hours;
        }

        /** The counts of {@code millis} of the city's life. */
        static Day of(CityLife life, DemoCity city, long millis) {
            Day day = new Day();
            day.hours = millis / 3_600_000;
            while (life.simulatedMillis() < millis) {
                CityMessage message = life.next();
                day.messages++;
                day.count(message, life.simulatedMillis(), city);
            }
            day.stuckSensors = day.aboveClearAt.size();
            day.mostInACellAndHour = day.perCellHour.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return day;
        }

        private void count(CityMessage message, long at, DemoCity city) {
            String topic = message.topic();
            if (topic.endsWith("/location")) {
                return;
            }
            String sender = topic.split("/")[3];
            JsonNode json = read(message);
            if (topic.endsWith("/reports")) {
                reports++;
                byCategory.merge(json.get("category").asText(), 1, Integer::sum);
            } else if (topic.endsWith("/status")) {
                (json.get("online").asBoolean() ? cameBack : wentOffline).add(sender);
            } else if (topic.endsWith("/detections")) {
                if (json.get("confidence").asDouble() < 0.7) {
                    unsureDetections++;
                    return;
                }
                confidentDetections++;
                String kind = json.get("kind").asText();
                if (episode(city.cellOf(sender), kind.equals("smoke") ? "fire" : kind, at)) {
                    cameraEpisodes++;
                }
            } else {
                telemetry(sender, json.get("metrics"), at, city);
            }
        }

        private void telemetry(String sender, JsonNode metrics, long at, DemoCity city) {
            String cell = city.cellOf(sender);
            // The default rules' thresholds and clearAt levels (src/main/resources/rules/default-rules.json).
            check(sender, cell, "fire", metrics.has("smoke") && metrics.get("smoke").asDouble() > 0.3
                    || metrics.has("smoke") && metrics.get("temp").asDouble() >= 57, at);
            check(sender, cell, "waterlogging", metrics.path("water_level").asDouble(0) >= 0.15, at);
            check(sender, cell, "air_pollution", metrics.path("pm25").asDouble(0) > 150, at);
            check(sender, cell, "noise", metrics.path("noise").asDouble(0) >= 85, at);
            boolean high = metrics.path("smoke").asDouble(0) >= 0.15 || metrics.path("water_level").asDouble(0) >= 0.05
                    || metrics.path("pm25").asDouble(0) >= 115 || metrics.path("noise").asDouble(0) >= 75
                    || metrics.has("smoke") && metrics.get("temp").asDouble() >= 45;
            if (high) {
                aboveClearAt.add(sender);
            } else {
                aboveClearAt.remove(sender);
            }
        }

        private void check(String sender, String cell, String group, boolean triggered, long at) {
            if (triggered && episode(cell, group, at)) {
                sensorEpisodes++;
            }
        }

        /** Whether a trigger of {@code group} in {@code cell} at {@code at} starts a new incident. */
        private boolean episode(String cell, String group, long at) {
            Long last = lastSeen.put(cell + " " + group, at);
            if (last != null && at - last <= EPISODE_GAP_MILLIS) {
                return false;
            }
            byCategory.merge(group, 1, Integer::sum);
            perCellHour.merge(cell + " " + at / 3_600_000, 1, Integer::sum);
            return true;
        }

        private static JsonNode read(CityMessage message) {
            try {
                return JSON.readTree(message.payload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
