package city.gridcommand.signal;

/**
 * An AI camera's detection. Kinds the rules do not know are kept ({@code knownKind == false}) and
 * counted, never dropped.
 */
public record Detection(String senderId, long seq, long ts, String kind, boolean knownKind, double confidence,
        String snapshotUrl, Position position, long receivedAt) implements Signal {

    @Override
    public SignalSource source() {
        return SignalSource.DETECTION;
    }
}
