package city.gridcommand.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayBatch gateway = new GatewayBatch("benchgw-r1-0", "bench-r1-", new int[] {0, 3, 6}, 5);

    @Test
    void publishesOnTheGatewaysTelemetryTopic() {
        assertEquals("grid/v1/gateways/benchgw-r1-0/telemetry", gateway.next(5).topic().toString());
    }

    @Test
    void spreadsTheBatchOverTheGatewaysDevicesInTurn() throws IOException {
        Map<String, Integer> first = readingsPerDevice(gateway.next(5));
        Map<String, Integer> second = readingsPerDevice(gateway.next(5));

        assertEquals(Map.of("bench-r1-000000", 2, "bench-r1-000003", 2, "bench-r1-000006", 1), first);
        // the turn goes on: the second message starts with the device after the first one's last reading
        assertEquals(Map.of("bench-r1-000006", 2, "bench-r1-000000", 2, "bench-r1-000003", 1), second);
    }

    @Test
    void everyDevicesSeqAndTsIncreaseAcrossMessages() throws IOException {
        Map<String, List<JsonNode>> byDevice = new HashMap<>();
        for (int m = 0; m < 7; m++) {
            devices(gateway.next(m % 5 + 1)).forEachRemaining(device ->
                    device.getValue().forEach(r -> byDevice.computeIfAbsent(device.getKey(), k -> new ArrayList<>()).add(r)));
        }
        assertEquals(3, byDevice.size());
        int total = 0;
        for (List<JsonNode> readings : byDevice.values()) {
            for (int i = 0; i < readings.size(); i++) {
                assertEquals(i + 1, readings.get(i).get("seq").asLong());
                if (i > 0) {
                    assertTrue(readings.get(i).get("ts").asLong() > readings.get(i - 1).get("ts").asLong());
                }
            }
            total += readings.size();
        }
        assertEquals(1 + 2 + 3 + 4 + 5 + 1 + 2, total);
    }

    @Test
    void eachReadingIsWhatItsDeviceWouldPublishAlone() throws IOException {
        JsonNode reading = devices(gateway.next(1)).next().getValue().get(0);
        List<String> fields = new ArrayList<>();
        reading.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("ts", "seq", "metrics"), fields);
        double smoke = reading.get("metrics").get("smoke").asDouble();
        double temp = reading.get("metrics").get("temp").asDouble();
        assertTrue(smoke >= 0.05 && smoke <= 0.29, "smoke " + smoke);
        assertTrue(temp >= 18.0 && temp <= 25.9, "temp " + temp);
    }

    @Test
    void aMessageHoldsOneToTheBatch() {
        assertThrows(IllegalArgumentException.class, () -> gateway.next(6));
        assertThrows(IllegalArgumentException.class, () -> gateway.next(0));
    }

    private static Map<String, Integer> readingsPerDevice(Feed.Message message) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        devices(message).forEachRemaining(device -> counts.put(device.getKey(), device.getValue().size()));
        return counts;
    }

    private static Iterator<Map.Entry<String, JsonNode>> devices(Feed.Message message) throws IOException {
        JsonNode root = JSON.readTree(message.payload());
        assertEquals(1, root.size(), "only \"devices\" at the top: " + root);
        return root.get("devices").fields();
    }
}
