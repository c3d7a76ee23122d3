package city.gridcommand.ingest;

import city.gridcommand.signal.DeviceStatus;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a gateway says on {@code grid/v1/gateways/{gatewayId}/status}: exactly one of its own state
 * ({@code {"ts","online"}}, also its MQTT last will) and the devices behind it that came or went
 * ({@code {"ts","connect":[ids]}}, {@code {"ts","disconnect":[ids]}}). The ids are as given; each is checked
 * as a reading of its own.
 *
 * @param online     the gateway's own state, or null when the message lists devices
 * @param devices    the devices listed, empty for the gateway's own state
 * @param connected  whether the listed devices came ({@code connect}) or went ({@code disconnect})
 */
public record GatewayStatus(long ts, Boolean online, List<String> devices, boolean connected) {

    /** Whether this is the gateway's own state (not a list of devices). */
    public boolean aboutGateway() {
        return online != null;
    }

    /**
     * The status of one device as its gateway would say it alone: {@code {"ts","connect":[id]}} or
     * {@code {"ts","disconnect":[id]}}; the gateway's own as {@code {"ts","online"}}. Kept for a dead letter.
     */
    static byte[] alone(DeviceStatus status, String gatewayId) {
        if (status.senderId().equals(gatewayId)) {
            return ("{\"ts\":" + status.ts() + ",\"online\":" + status.online() + "}").getBytes(StandardCharsets.UTF_8);
        }
        return ("{\"ts\":" + status.ts() + ",\"" + (status.online() ? "connect" : "disconnect") + "\":[\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(status.senderId())) + "\"]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The payload a device would have published alone on {@code grid/v1/devices/{id}/status}: what is stored
     * (and fingerprinted) for each device a gateway's status speaks for.
     */
    static byte[] deviceStatus(long ts, boolean online) {
        return ("{\"ts\":" + ts + ",\"online\":" + online + "}").getBytes(StandardCharsets.UTF_8);
    }
}
