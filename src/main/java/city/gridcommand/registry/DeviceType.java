package city.gridcommand.registry;

import java.util.Locale;

/** What kind of device publishes: a sensor (telemetry) or an AI camera (detections). */
public enum DeviceType {
    SENSOR, CAMERA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceType fromWire(String name) {
        for (DeviceType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
