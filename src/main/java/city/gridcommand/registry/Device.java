package city.gridcommand.registry;

import city.gridcommand.signal.Position;
import java.util.List;

/**
 * A registered sensor or camera. {@code position} is where it is mounted (null for a mobile device,
 * which sends its position with every message); {@code capabilities} are the metric names a sensor
 * reports or the detection kinds a camera raises; {@code department} owns it (may be null);
 * {@code gateway} is the gateway that publishes for it (null: it has a connection of its own).
 */
public record Device(String id, DeviceType type, String name, Position position, List<String> capabilities,
        String department, String gateway) {

    public Device {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
