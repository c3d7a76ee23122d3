package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AlertChannel;
import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.DeliveryOutcome;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The channel {@code webhook:{name}}: posts the alert's body to the named webhook ({@link WebhookSettings}),
 * signed ({@link WebhookSigner}) with the time of this try, naming the delivery and the try. The answer
 * decides: 2xx sent; 408, 429, 5xx, no answer in time or no connection: try again later; any other answer
 * (a 3xx, the other 4xx), an unknown or misconfigured webhook: failed for good.
 */
@ApplicationScoped
public class WebhookChannel implements AlertChannel {

    private static final Logger LOG = Logger.getLogger(WebhookChannel.class);
    static final String PREFIX = "webhook:";
    private static final int MIN_SECRET = 16;

    /** A webhook as configured: where and how long to wait, or what is wrong with its settings. */
    private record Target(String url, String secret, long timeoutMillis, String problem) {
    }

    private final WebClient client;
    private final Map<String, Target> targets;
    private final LongSupplier clock;

    @Inject
    WebhookChannel(Vertx vertx, WebhookSettings settings) {
        this(vertx, settings, System::currentTimeMillis);
    }

    WebhookChannel(Vertx vertx, WebhookSettings settings, LongSupplier clock) {
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setUserAgent("grid-command-alerts"));
        this.targets = targets(settings);
        this.clock = clock;
    }

    @Override
    public boolean handles(String channel) {
        return channel != null && channel.startsWith(PREFIX);
    }

    @Override
    public CompletionStage<DeliveryOutcome> deliver(AlertDelivery delivery) {
        String name = delivery.channel().substring(PREFIX.length());
        Target target = targets.get(name);
        if (target == null) {
            return done(DeliveryOutcome.failed("no webhook named '" + name + "' is configured (grid.alerts.webhooks.\""
                    + name + "\".url)"));
        }
        if (target.problem() != null) {
            return done(DeliveryOutcome.failed(target.problem()));
        }
        long timestamp = clock.getAsLong();
        try {
            return client.postAbs(target.url()).timeout(target.timeoutMillis()).as(BodyCodec.none())
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Grid-Timestamp", Long.toString(timestamp))
                    .putHeader("X-Grid-Signature", WebhookSigner.signature(target.secret(), timestamp, delivery.body()))
                    .putHeader("X-Grid-Delivery", Long.toString(delivery.id()))
                    .putHeader("X-Grid-Attempt", Integer.toString(delivery.attempt()))
                    .sendBuffer(Buffer.buffer(delivery.body()))
                    .toCompletionStage()
                    .handle((response, error) -> error != null ? unanswered(name, error) : answered(response.statusCode()));
        } catch (RuntimeException e) {
            return done(DeliveryOutcome.failed("webhook '" + name + "' cannot be posted to: " + e.getMessage()));
        }
    }

    /** What the receiver's status says. */
    static DeliveryOutcome answered(int status) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.sent("HTTP " + status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return DeliveryOutcome.retry("HTTP " + status);
        }
        return DeliveryOutcome.failed("HTTP " + status + " (not tried again: the receiver refuses this request)");
    }

    private static DeliveryOutcome unanswered(String name, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        String why = cause instanceof TimeoutException ? "no answer in time" : "no connection";
        return DeliveryOutcome.retry(why + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
    }

    private static CompletionStage<DeliveryOutcome> done(DeliveryOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private static Map<String, Target> targets(WebhookSettings settings) {
        Map<String, Target> targets = new HashMap<>();
        settings.endpoints().forEach((name, webhook) -> {
            String key = "grid.alerts.webhooks.\"" + name + "\"";
            String problem = null;
            URI uri = null;
            try {
                uri = URI.create(webhook.url());
            } catch (IllegalArgumentException e) {
                problem = key + ".url is not a URL: " + e.getMessage();
            }
            if (problem == null && (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())))) {
                problem = key + ".url must be an absolute http or https URL";
            } else if (problem == null && webhook.secret().length() < MIN_SECRET) {
                problem = key + ".secret must be at least " + MIN_SECRET + " characters";
            } else if (problem == null && (webhook.timeout().isNegative() || webhook.timeout().isZero())) {
                problem = key + ".timeout must be positive";
            }
            if (problem != null) {
                LOG.warnf("webhook '%s' is misconfigured, its alerts fail: %s", name, problem);
            }
            targets.put(name, new Target(webhook.url(), webhook.secret(), webhook.timeout().toMillis(), problem));
        });
        return Map.copyOf(targets);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
