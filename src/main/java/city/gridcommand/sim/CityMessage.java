package city.gridcommand.sim;

import java.nio.charset.StandardCharsets;

/**
 * One message of the city's life: the MQTT topic, the UTF-8 JSON payload, whether the broker keeps it, which
 * {@link Feed} it belongs to and its sender's id (a device, a worker, or a gateway for a gateway's message).
 */
public record CityMessage(String topic, byte[] payload, boolean retained, Feed feed, String sender) {

    /** What a message is, as a gateway that relays its devices' messages must tell them apart. */
    public enum Feed {
        /** A sensor's reading. */
        TELEMETRY,
        /** A camera's detection. */
        DETECTION,
        /** A worker terminal's position fix. */
        LOCATION,
        /** A worker's report. */
        REPORT,
        /** A device's status: back online. */
        ONLINE,
        /** A device's status: gone offline. */
        OFFLINE,
        /** A gateway's own message: a batch of readings or its status. */
        GATEWAY
    }

    /** The payload as text (for logs and tests). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
