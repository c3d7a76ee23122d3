package city.gridcommand.sim;

import java.nio.charset.StandardCharsets;

/** One message of the city's life: the MQTT topic, the UTF-8 JSON payload, and whether the broker keeps it. */
public record CityMessage(String topic, byte[] payload, boolean retained) {

    /** The payload as text (for logs and tests). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
