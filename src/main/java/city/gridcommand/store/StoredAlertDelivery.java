package city.gridcommand.store;

import java.util.UUID;

/** One delivery of an alert to a person over a channel, and how it went. */
public record StoredAlertDelivery(long id, UUID alertId, String personId, String channel, String kind, String state,
        int attempts, Long nextAttemptAt, String lastError, Long sentAt, long createdAt) {
}
