package city.gridcommand.bench;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import java.nio.charset.StandardCharsets;

/**
 * Devices publishing alone, each on {@code grid/v1/sensors/{deviceId}/telemetry}, one reading a message, in
 * turn; every device's {@code seq} increases by 1 from 1.
 */
final class DeviceFeed implements Feed {

    private final MqttTopic[] topics;
    private final long[] seq;
    private final StringBuilder json = new StringBuilder(96);
    /** The device the next message goes to; the round-robin goes on across phases. */
    private int next;

    /** {@code devices}: indexes of the devices, whose ids are {@code idPrefix} + the index in 6 digits. */
    DeviceFeed(String idPrefix, int[] devices) {
        this.topics = new MqttTopic[devices.length];
        for (int i = 0; i < devices.length; i++) {
            topics[i] = MqttTopic.of("grid/v1/sensors/" + DeviceIds.of(idPrefix, devices[i]) + "/telemetry");
        }
        this.seq = new long[devices.length];
    }

    @Override
    public int batch() {
        return 1;
    }

    @Override
    public Message next(int readings) {
        if (readings != 1) {
            throw new IllegalArgumentException("a device publishes one reading a message, not " + readings);
        }
        int device = next;
        next = next + 1 == topics.length ? 0 : next + 1;
        json.setLength(0);
        TelemetryReading.append(json, System.currentTimeMillis(), ++seq[device]);
        return new Message(topics[device], json.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
