package city.gridcommand.registry;

import city.gridcommand.signal.SignalSource;

/** Tells whether a device or worker is registered, and registers one seen for the first time. */
public interface SenderRegistry {

    boolean isRegistered(SignalSource source, String senderId);

    /**
     * Registers a sender seen on a feed, without blocking (the write may complete later; registering
     * twice is harmless). A registry may decline sources it cannot type, e.g. a device known only from
     * its status.
     */
    void register(SignalSource source, String senderId);
}
