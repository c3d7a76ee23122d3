package city.gridcommand.alerts;

import java.util.concurrent.CompletionStage;

/**
 * One way of reaching a person. Each channel is tried on its own: one failing never stops the others.
 * A channel never throws: every failure is an outcome.
 */
public interface AlertChannel {

    /** Whether this channel serves the name in a person's preferences ({@code terminal}, {@code webhook:sms}, …). */
    boolean handles(String channel);

    CompletionStage<DeliveryOutcome> deliver(AlertDelivery delivery);
}
