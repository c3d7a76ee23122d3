package city.gridcommand.registry;

import city.gridcommand.signal.SignalSource;
import java.util.Collection;

/**
 * Tells whether a device or worker is registered and which gateway it is behind, and registers one seen
 * for the first time.
 */
public interface SenderRegistry {

    boolean isRegistered(SignalSource source, String senderId);

    /**
     * Registers a sender seen on a feed, without blocking (the write may complete later; registering
     * twice is harmless). A registry may decline sources it cannot type, e.g. a device known only from
     * its status.
     */
    void register(SignalSource source, String senderId);

    /** As {@link #register}, for a sender first seen in a batch of {@code gatewayId}: it is registered behind it. */
    void registerBehind(SignalSource source, String senderId, String gatewayId);

    /**
     * The gateway a registered device (telemetry, detections, status) or worker (the workers' feeds) is
     * behind; null when it has a connection of its own or is not registered.
     */
    String gatewayOf(SignalSource source, String senderId);

    /** The registered devices behind {@code gatewayId}, in no particular order; empty when none. */
    Collection<String> devicesBehind(String gatewayId);
}
