package city.gridcommand.store;

import java.util.UUID;

/**
 * One delivery of an alert to a person over a channel, and how it went; {@code sentDetail} is what the channel
 * said when it handed it over (the terminal's {@code PUBACK <topic>}), null until sent.
 */
public record StoredAlertDelivery(long id, UUID alertId, String personId, String channel, String kind, String state,
        int attempts, Long nextAttemptAt, String lastError, Long sentAt, String sentDetail, long createdAt) {
}
