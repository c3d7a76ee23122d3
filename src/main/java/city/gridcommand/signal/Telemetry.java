package city.gridcommand.signal;

import java.util.Map;

/** Sensor readings; {@code position} is null for fixed devices, which use their registered position. */
public record Telemetry(String senderId, long seq, long ts, Map<String, Double> metrics, Position position,
        long receivedAt) implements Signal {

    @Override
    public SignalSource source() {
        return SignalSource.TELEMETRY;
    }
}
