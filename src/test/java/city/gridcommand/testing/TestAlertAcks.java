package city.gridcommand.testing;

import city.gridcommand.alerts.AckResult;
import city.gridcommand.alerts.AlertAcks;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the alert engine's acknowledgements (alerts.runtime.AlertAckService, another branch) in
 * {@code @QuarkusTest}s of the /ws/v1/alerts socket, until that is merged: the port's rules over alerts a
 * test declares with their recipients, in memory: the first recipient's ack stops the alert, later ones are
 * {@code ALREADY_ACKED}; anyone else is {@code NOT_RECIPIENT}; an alert never declared is {@code UNKNOWN_ALERT}.
 * Every ack is kept for the test to read. Remove it when the engine's implementation is merged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestAlertAcks implements AlertAcks {

    /** One ack as the port received it. */
    public record Ack(String alertId, String personId, String channel, long at) {
    }

    private final Map<String, Set<String>> recipients = new ConcurrentHashMap<>();
    private final Map<String, String> ackedBy = new ConcurrentHashMap<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();

    /** An alert sent to these people. */
    public void alerted(String alertId, String... personIds) {
        recipients.put(alertId, Set.of(personIds));
    }

    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    @Override
    public CompletionStage<AckResult> ack(String alertId, String personId, String channel, long at) {
        acks.add(new Ack(alertId, personId, channel, at));
        Set<String> to = recipients.get(alertId);
        AckResult.Status status;
        if (to == null) {
            status = AckResult.Status.UNKNOWN_ALERT;
        } else if (!to.contains(personId)) {
            status = AckResult.Status.NOT_RECIPIENT;
        } else {
            status = ackedBy.putIfAbsent(alertId, personId) == null ? AckResult.Status.ACKED
                    : AckResult.Status.ALREADY_ACKED;
        }
        return CompletableFuture.completedFuture(new AckResult(status, alertId));
    }
}
