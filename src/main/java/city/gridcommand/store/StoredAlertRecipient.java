package city.gridcommand.store;

/** One person told of an alert: at which step and round, what kind of message, why them, when. */
public record StoredAlertRecipient(long id, String personId, int step, int round, String kind, String source,
        long notifiedAt) {
}
