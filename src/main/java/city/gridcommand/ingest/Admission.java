package city.gridcommand.ingest;

import city.gridcommand.registry.SenderRegistry;

/**
 * The admit stage: whether a decoded message's sender may be heard, as {@code GRID_INGEST_UNKNOWN_SENDERS}
 * says: every sender, registered ones only (others are dead-lettered {@code unknown_sender}), or every
 * sender with unknown ones registered on first sight. A reading that came through a gateway is heard only
 * if its sender is registered behind that gateway ({@code not_behind_gateway} otherwise, whatever the
 * setting); one the registry does not know is treated as the setting says, and registered behind the
 * gateway; a gateway is always heard about itself. Duplicates are not judged here but by the database's unique keys when the batch is written.
 * Never blocks.
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
        if (address.viaGateway()) {
            admitBehind(address);
            return;
        }
        if (unknownSenders == UnknownSenders.ACCEPT || registry.isRegistered(address.source(), address.senderId())) {
            return;
        }
        refuseOrRegister(address);
    }

    /** The devices a gateway may speak for. */
    SenderRegistry registry() {
        return registry;
    }

    private void admitBehind(TopicAddress address) throws RejectedMessageException {
        if (address.senderId().equals(address.gatewayId())) {
            return; // a gateway speaking of itself (its own status): the broker knows who it is
        }
        if (registry.isRegistered(address.source(), address.senderId())) {
            String behind = registry.gatewayOf(address.source(), address.senderId());
            if (!address.gatewayId().equals(behind)) {
                throw new RejectedMessageException(RejectReason.NOT_BEHIND_GATEWAY, "'" + address.senderId()
                        + "' is registered " + (behind == null ? "with a connection of its own"
                        : "behind gateway '" + behind + "'") + ", not behind '" + address.gatewayId() + "'");
            }
            return;
        }
        if (unknownSenders != UnknownSenders.ACCEPT) {
            refuseOrRegister(address);
        }
    }

    private void refuseOrRegister(TopicAddress address) throws RejectedMessageException {
        if (unknownSenders == UnknownSenders.REFUSE) {
            throw new RejectedMessageException(RejectReason.UNKNOWN_SENDER,
                    "'" + address.senderId() + "' is not registered and unknown senders are refused");
        }
        registry.registerBehind(address.source(), address.senderId(), address.gatewayId());
    }
}
