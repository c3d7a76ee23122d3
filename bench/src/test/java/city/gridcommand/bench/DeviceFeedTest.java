package city.gridcommand.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DeviceFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeviceFeed feed = new DeviceFeed("bench-r1-", new int[] {1, 5});

    @Test
    void devicesPublishAloneInTurnEachWithItsOwnSeq() throws IOException {
        Feed.Message first = feed.next(1);
        Feed.Message second = feed.next(1);
        Feed.Message third = feed.next(1);

        assertEquals("grid/v1/sensors/bench-r1-000001/telemetry", first.topic().toString());
        assertEquals("grid/v1/sensors/bench-r1-000005/telemetry", second.topic().toString());
        assertEquals("grid/v1/sensors/bench-r1-000001/telemetry", third.topic().toString());
        assertEquals(1, JSON.readTree(first.payload()).get("seq").asLong());
        assertEquals(1, JSON.readTree(second.payload()).get("seq").asLong());
        JsonNode again = JSON.readTree(third.payload());
        assertEquals(2, again.get("seq").asLong());
        assertEquals(2, again.get("metrics").size());
    }

    @Test
    void holdsOneReadingAMessage() {
        assertEquals(1, feed.batch());
        assertThrows(IllegalArgumentException.class, () -> feed.next(2));
    }
}
