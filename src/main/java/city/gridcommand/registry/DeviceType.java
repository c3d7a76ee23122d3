package city.gridcommand.registry;

import city.gridcommand.signal.WireNames;

/** What kind of device publishes: a sensor (telemetry) or an AI camera (detections). */
public enum DeviceType {
    SENSOR, CAMERA;

    public String wireName() {
        return WireNames.of(this);
    }

    public static DeviceType fromWire(String name) {
        return WireNames.parse(DeviceType.class, name);
    }
}
