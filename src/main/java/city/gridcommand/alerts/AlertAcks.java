package city.gridcommand.alerts;

import java.util.concurrent.CompletionStage;

/**
 * Acknowledges an alert for a person (the verified token's subject, or the worker whose terminal's acks
 * topic carried it) over a channel ({@code mqtt}, {@code rest}, {@code websocket}) at a time (epoch ms).
 */
public interface AlertAcks {

    CompletionStage<AckResult> ack(String alertId, String personId, String channel, long at);
}
