package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AlertChannel;
import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/**
 * The channel {@code browser}: the alert for the signed-in person's open {@code /ws/v1/alerts} sockets, on
 * whichever instance they are, through the broker ({@link StaffAlertTopic}). Sent once the broker has it
 * (PUBACK), whether or not a socket of the person is open: a person who connects later gets their open
 * alerts first thing.
 */
@ApplicationScoped
public class BrowserChannel implements AlertChannel {

    static final String NAME = "browser";

    private final StaffAlertTopic topic;

    BrowserChannel(StaffAlertTopic topic) {
        this.topic = topic;
    }

    @Override
    public boolean handles(String channel) {
        return NAME.equals(channel);
    }

    @Override
    public CompletionStage<DeliveryOutcome> deliver(AlertDelivery delivery) {
        return topic.publish(delivery.personId(), delivery.body());
    }
}
