package city.gridcommand.alerts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.DeliveryOutcome;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook channel against a real HTTP server (the JDK's): the request a receiver gets (body, headers,
 * a signature it verifies with the shared secret as the contract tells it), and the outcome each answer
 * makes: 2xx sent, 408/429/5xx/no answer/no connection try again, other 4xx failed for good, an unknown or
 * misconfigured webhook failed. Settings are read by SmallRye Config from properties as the service reads them.
 */
class WebhookChannelTest {

    private static final String SECRET = "a-shared-secret-of-the-receiver";
    private static final String BODY = "{\"type\":\"alert\",\"alertId\":\"a-1\",\"kind\":\"alert\",\"person\":\"w-0012\","
            + "\"severity\":\"RED\",\"cell\":\"440305001002005\",\"note\":\"火警\"}";
    private static final long NOW = 1_732_200_000_000L;

    private record Received(String method, Headers headers, String body) {
    }

    private HttpServer server;
    private Vertx vertx;
    private final AtomicInteger status = new AtomicInteger(204);
    private final AtomicReference<Received> received = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.set(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
            if (hang) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private WebhookChannel channel(Map<String, String> properties) {
        // Quarkus's converter reads durations as the service does ("10s", "300ms", "PT10S")
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(WebhookSettings.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return new WebhookChannel(vertx, config.getConfigMapping(WebhookSettings.class), () -> NOW);
    }

    private WebhookChannel receiver(String timeout) {
        Map<String, String> properties = new HashMap<>();
        properties.put("grid.alerts.webhooks.\"duty-sms\".url", url());
        properties.put("grid.alerts.webhooks.\"duty-sms\".secret", SECRET);
        if (timeout != null) {
            properties.put("grid.alerts.webhooks.\"duty-sms\".timeout", timeout);
        }
        return channel(properties);
    }

    private static DeliveryOutcome deliver(WebhookChannel channel, String name) {
        return channel.deliver(new AlertDelivery(42, "a-1", "w-0012", "webhook:" + name, "alert", 3, BODY))
                .toCompletableFuture().join();
    }

    /** The verification a receiver does, as docs/contract.md gives it. */
    private static boolean verifies(String secret, String timestamp, String body, String signature) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aReceiverGetsTheBodySignedAndNamedAndA2xxIsSent() throws Exception {
        WebhookChannel channel = receiver(null);
        assertThat(channel.handles("webhook:duty-sms")).isTrue();
        assertThat(channel.handles("browser")).isFalse();

        DeliveryOutcome outcome = deliver(channel, "duty-sms");

        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
        assertThat(outcome.detail()).isEqualTo("HTTP 204");
        Received request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo(BODY);
        assertThat(request.headers().getFirst("Content-Type")).startsWith("application/json");
        assertThat(request.headers().getFirst("X-Grid-Timestamp")).isEqualTo(Long.toString(NOW));
        assertThat(request.headers().getFirst("X-Grid-Delivery")).isEqualTo("42");
        assertThat(request.headers().getFirst("X-Grid-Attempt")).isEqualTo("3");
        String signature = request.headers().getFirst("X-Grid-Signature");
        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        assertThat(verifies(SECRET, request.headers().getFirst("X-Grid-Timestamp"), request.body(), signature)).isTrue();
        // another secret, another time or another body do not verify
        assertThat(verifies("not-the-secret-of-the-receiver", Long.toString(NOW), request.body(), signature)).isFalse();
        assertThat(verifies(SECRET, Long.toString(NOW + 1), request.body(), signature)).isFalse();
        assertThat(verifies(SECRET, Long.toString(NOW), request.body().replace("RED", "GREEN"), signature)).isFalse();

        status.set(200);
        assertThat(deliver(channel, "duty-sms").status()).isEqualTo(DeliveryOutcome.Status.SENT);
    }

    @Test
    void aWebhookCanBeSetFromTheEnvironment() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(WebhookSettings.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new io.smallrye.config.EnvConfigSource(Map.of("GRID_ALERTS_WEBHOOKS_SMS_URL", url(),
                        "GRID_ALERTS_WEBHOOKS_SMS_SECRET", SECRET, "GRID_ALERTS_WEBHOOKS_SMS_TIMEOUT", "2s"), 300))
                .build();
        WebhookSettings settings = config.getConfigMapping(WebhookSettings.class);
        assertThat(settings.endpoints()).containsOnlyKeys("sms");
        assertThat(settings.endpoints().get("sms").timeout()).isEqualTo(java.time.Duration.ofSeconds(2));
        WebhookChannel channel = new WebhookChannel(vertx, settings, () -> NOW);
        assertThat(deliver(channel, "sms").status()).isEqualTo(DeliveryOutcome.Status.SENT);
    }

    @Test
    void serverErrorsTooManyRequestsAndRequestTimeoutAreTriedAgain() {
        WebhookChannel channel = receiver(null);
        for (int code : new int[] {500, 502, 503, 429, 408}) {
            status.set(code);
            DeliveryOutcome outcome = deliver(channel, "duty-sms");
            assertThat(outcome.status()).as("HTTP %d", code).isEqualTo(DeliveryOutcome.Status.RETRY);
            assertThat(outcome.detail()).contains(Integer.toString(code));
        }
    }

    @Test
    void otherClientErrorsAndRedirectsFailForGood() {
        WebhookChannel channel = receiver(null);
        for (int code : new int[] {400, 401, 403, 404, 410, 301}) {
            status.set(code);
            DeliveryOutcome outcome = deliver(channel, "duty-sms");
            assertThat(outcome.status()).as("HTTP %d", code).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.detail()).contains(Integer.toString(code));
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsTriedAgain() {
        hang = true;
        DeliveryOutcome outcome = deliver(receiver("300ms"), "duty-sms");
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.RETRY);
        assertThat(outcome.detail()).startsWith("no answer in time");
        assertThat(received.get()).as("the request did reach the receiver").isNotNull();
    }

    @Test
    void aReceiverNotListeningIsTriedAgain() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookChannel channel = channel(Map.of("grid.alerts.webhooks.pager.url", "http://127.0.0.1:" + closedPort + "/x",
                "grid.alerts.webhooks.pager.secret", SECRET));
        DeliveryOutcome outcome = deliver(channel, "pager");
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.RETRY);
        assertThat(outcome.detail()).startsWith("no connection");
    }

    @Test
    void anUnknownOrMisconfiguredWebhookFailsSayingWhy() {
        WebhookChannel channel = channel(Map.of(
                "grid.alerts.webhooks.duty-sms.url", url(), "grid.alerts.webhooks.duty-sms.secret", SECRET,
                "grid.alerts.webhooks.relative.url", "/hook", "grid.alerts.webhooks.relative.secret", SECRET,
                "grid.alerts.webhooks.short.url", url(), "grid.alerts.webhooks.short.secret", "too-short"));

        DeliveryOutcome unknown = deliver(channel, "pager");
        assertThat(unknown.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(unknown.detail()).contains("no webhook named 'pager'").contains("grid.alerts.webhooks.\"pager\".url");

        DeliveryOutcome relative = deliver(channel, "relative");
        assertThat(relative.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(relative.detail()).contains("grid.alerts.webhooks.\"relative\".url");

        DeliveryOutcome shortSecret = deliver(channel, "short");
        assertThat(shortSecret.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(shortSecret.detail()).contains(".secret");
        assertThat(received.get()).as("nothing was posted").isNull();

        assertThat(deliver(channel, "duty-sms").status()).isEqualTo(DeliveryOutcome.Status.SENT);
    }
}
