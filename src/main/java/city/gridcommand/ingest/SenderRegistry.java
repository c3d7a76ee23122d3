package city.gridcommand.ingest;

import city.gridcommand.signal.SignalSource;

/** Tells whether a device or worker is registered; consulted only when registration is required. */
public interface SenderRegistry {

    boolean isRegistered(SignalSource source, String senderId);

    /** A registry that knows everyone: used when unknown senders are accepted. */
    SenderRegistry OPEN = (source, senderId) -> true;
}
