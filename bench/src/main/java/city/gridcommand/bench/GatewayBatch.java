package city.gridcommand.bench;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import java.nio.charset.StandardCharsets;

/**
 * A gateway speaking for its devices on {@code grid/v1/gateways/{gatewayId}/telemetry}:
 * {@code {"devices":{"<deviceId>":[<reading>,…],…}}}, each reading exactly what its device would publish
 * alone ({@link TelemetryReading}). A message's readings go to the gateway's devices in turn, the turn
 * going on from message to message; a device with several readings in one message has them in one array,
 * in order. Every device's {@code seq} increases by 1 from 1 and its {@code ts} strictly increases.
 */
final class GatewayBatch implements Feed {

    private final String gatewayId;
    private final MqttTopic topic;
    private final String[] quotedIds;
    private final long[] seq;
    private final long[] lastTs;
    private final int batch;
    private final StringBuilder json;
    /** The device the next message's first reading goes to. */
    private int next;

    /** {@code devices}: indexes of the gateway's devices, whose ids are {@code idPrefix} + the index. */
    GatewayBatch(String gatewayId, String idPrefix, int[] devices, int batch) {
        if (devices.length == 0) {
            throw new IllegalArgumentException("gateway " + gatewayId + " has no devices");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        this.gatewayId = gatewayId;
        this.topic = MqttTopic.of("grid/v1/gateways/" + gatewayId + "/telemetry");
        this.quotedIds = new String[devices.length];
        for (int i = 0; i < devices.length; i++) {
            quotedIds[i] = '"' + DeviceIds.of(idPrefix, devices[i]) + "\":[";
        }
        this.seq = new long[devices.length];
        this.lastTs = new long[devices.length];
        this.batch = batch;
        this.json = new StringBuilder(16 + batch * 100);
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public Message next(int readings) {
        if (readings < 1 || readings > batch) {
            throw new IllegalArgumentException("a message of gateway " + gatewayId + " holds 1 to " + batch
                    + " readings, not " + readings);
        }
        int devices = quotedIds.length;
        int perDevice = readings / devices;
        int withOneMore = readings % devices;
        long now = System.currentTimeMillis();
        json.setLength(0);
        json.append("{\"devices\":{");
        for (int j = 0, named = Math.min(readings, devices); j < named; j++) {
            int device = (next + j) % devices;
            if (j > 0) {
                json.append(',');
            }
            json.append(quotedIds[device]);
            for (int r = 0, n = perDevice + (j < withOneMore ? 1 : 0); r < n; r++) {
                if (r > 0) {
                    json.append(',');
                }
                long ts = Math.max(now, lastTs[device] + 1);
                lastTs[device] = ts;
                TelemetryReading.append(json, ts, ++seq[device]);
            }
            json.append(']');
        }
        json.append("}}");
        next = (next + readings) % devices;
        return new Message(topic, json.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
