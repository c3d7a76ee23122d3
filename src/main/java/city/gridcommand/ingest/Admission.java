package city.gridcommand.ingest;

import city.gridcommand.registry.SenderRegistry;

/**
 * The admit stage: whether a decoded message's sender may be heard, as {@code GRID_INGEST_UNKNOWN_SENDERS}
 * says: every sender, registered ones only (others are dead-lettered {@code unknown_sender}), or every
 * sender with unknown ones registered on first sight. Duplicates are not judged here but by the
 * database's unique keys when the batch is written. Never blocks.
 */
public final class Admission {

    private final SenderRegistry registry;
    private final UnknownSenders unknownSenders;

    public Admission(SenderRegistry registry, UnknownSenders unknownSenders) {
        this.registry = registry;
        this.unknownSenders = unknownSenders;
    }

    /** Admits the sender of {@code address} or throws why not. */
    void admit(TopicAddress address) throws RejectedMessageException {
        if (unknownSenders == UnknownSenders.ACCEPT || registry.isRegistered(address.source(), address.senderId())) {
            return;
        }
        if (unknownSenders == UnknownSenders.REFUSE) {
            throw new RejectedMessageException(RejectReason.UNKNOWN_SENDER,
                    "'" + address.senderId() + "' is not registered and unknown senders are refused");
        }
        registry.register(address.source(), address.senderId());
    }
}
