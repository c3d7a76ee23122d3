package city.gridcommand.alerts;

/**
 * One alert to one person over one channel ({@code terminal}, {@code browser}, {@code webhook:{name}}):
 * its row id, the alert, what kind of message ({@code alert}, {@code reminder}, {@code update}), which try
 * this is (1 first) and the body as sent (the alert's wire JSON, docs/contract.md section 4).
 */
public record AlertDelivery(long id, String alertId, String personId, String channel, String kind, int attempt,
        String body) {
}
