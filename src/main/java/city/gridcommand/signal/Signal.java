package city.gridcommand.signal;

/**
 * One validated message from a feed: the immutable record every stage after ingest works with.
 * {@code senderId} is the device or worker id taken from the topic; {@code receivedAt} is when the
 * service took it from the broker (epoch ms).
 */
public sealed interface Signal
        permits Telemetry, Detection, WorkerPosition, WorkerReport, WorkerAck, DeviceStatus {

    SignalSource source();

    String senderId();

    /** The sender's own timestamp (epoch ms). */
    long ts();

    long receivedAt();
}
