package city.gridcommand.signal;

/** A grid worker's terminal position; accuracy in metres and battery in [0,1] are optional. */
public record WorkerPosition(String senderId, long seq, long ts, Position position, Double accuracy, Double battery,
        long receivedAt) implements Signal {

    @Override
    public SignalSource source() {
        return SignalSource.WORKER_LOCATION;
    }
}
