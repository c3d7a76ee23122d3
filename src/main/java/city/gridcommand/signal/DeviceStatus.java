package city.gridcommand.signal;

/** A device's online flag, published retained and as its MQTT last will. */
public record DeviceStatus(String senderId, long ts, boolean online, long receivedAt) implements Signal {

    @Override
    public SignalSource source() {
        return SignalSource.DEVICE_STATUS;
    }
}
