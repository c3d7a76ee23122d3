package city.gridcommand.alerts.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/**
 * The named webhooks alerts may be posted to ({@code grid.alerts.webhooks."{name}".*}, e.g.
 * {@code grid.alerts.webhooks.sms.url} or GRID_ALERTS_WEBHOOKS_SMS_URL); a person's channel
 * {@code webhook:{name}} names one. None by default.
 */
@ConfigMapping(prefix = "grid.alerts.webhooks")
public interface WebhookSettings {

    /** The webhooks by name. */
    @WithParentName
    Map<String, Webhook> endpoints();

    /** One receiver of alerts. */
    interface Webhook {

        /** Where the alert is posted: an absolute {@code http} or {@code https} URL. Required. */
        String url();

        /**
         * The shared secret the body is signed with (HMAC-SHA256, header {@code X-Grid-Signature}); the receiver
         * verifies with the same one. Required; at least 16 characters.
         */
        String secret();

        /**
         * How long to wait for the receiver: connecting, and between bytes of its answer. A try that runs out is
         * tried again later (back-off). Default 10 s.
         */
        @WithDefault("10s")
        Duration timeout();
    }
}
