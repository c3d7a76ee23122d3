package city.gridcommand.ingest.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The subscription to every feed on one session, made on every connect. The broker must answer within
 * the SUBACK timeout, or the connection is made again. A feed the broker refuses (reason code 0x80 or
 * above, e.g. 0x87 not authorised) is counted, shown by the ingest health check and asked for again
 * with back-off until the broker grants it, so a fixed ACL heals by itself.
 *
 * <p>Subscribing again to what a kept session already has is idempotent: the subscription is replaced
 * by the same one, and retain handling 1 (MQTT 5.0, 3.8.3.1) keeps the broker from sending every
 * retained device status again; a new subscription still gets them.
 */
final class FeedSubscription {

    private static final Logger LOG = Logger.getLogger(FeedSubscription.class);
    /** QoS 1, and retained messages only when the subscription is new (retain handling 1). */
    static final int OPTIONS = 0x01 | 0x10;

    private final MqttConnection connection;
    private final MqttSession session;
    private final ChannelHandlerContext ctx;
    private final boolean freshSession;
    private final ReconnectBackoff retries;
    private List<String> asked = List.of();
    private int packetId;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> retry;

    /** @param freshSession the broker had no session for us: it starts with this subscription */
    FeedSubscription(MqttConnection connection, MqttSession session, ChannelHandlerContext ctx,
            boolean freshSession) {
        this.connection = connection;
        this.session = session;
        this.ctx = ctx;
        this.freshSession = freshSession;
        MqttSettings settings = connection.settings();
        this.retries = new ReconnectBackoff(settings.reconnectDelay(), settings.maxReconnectDelay(),
                settings.stableAfter(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Asks for every feed. */
    void subscribe() {
        ask(connection.topicFilters());
    }

    private void ask(List<String> filters) {
        asked = filters;
        packetId = packetId % 65_535 + 1;
        ctx.writeAndFlush(MqttPackets.subscribe(ctx.alloc(), packetId, filters, OPTIONS));
        long timeout = connection.settings().subackTimeout().toMillis();
        deadline = ctx.executor().schedule(() -> session.close("no SUBACK within " + timeout + " ms"), timeout,
                TimeUnit.MILLISECONDS);
    }

    /** The broker's answer: one reason code per filter asked for, in order. */
    void answered(MqttPacket.SubAck ack) {
        if (ack.packetId() != packetId) {
            LOG.warnf("%s: a SUBACK for packet %d, not the %d asked for; ignored", connection.clientId(),
                    ack.packetId(), packetId);
            return;
        }
        deadline.cancel(false);
        List<String> refusedFilters = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int[] codes = ack.reasonCodes();
        for (int i = 0; i < asked.size(); i++) {
            int code = i < codes.length ? codes[i] : 0x80; // no answer for a filter is no grant
            if (code >= 0x80) {
                refusedFilters.add(asked.get(i));
                refused.add(asked.get(i) + String.format(" (0x%02x)", code));
            }
        }
        connection.health().subscribed(refused);
        if (!refused.isEmpty()) {
            long delay = retries.nextDelayMillis();
            LOG.errorf("%s: the broker refused %s; asking again in %d ms", connection.clientId(),
                    String.join(", ", refused), delay);
            retry = ctx.executor().schedule(() -> ask(refusedFilters), delay, TimeUnit.MILLISECONDS);
            return;
        }
        LOG.infof("%s subscribed to %d feeds", connection.clientId(), asked.size());
        if (freshSession && connection.shared()) {
            // HiveMQ CE (the embedded broker) decides once per connection whether a client has shared
            // subscriptions; one subscribed after connecting is then served only when new messages arrive,
            // never again after its acknowledgements, and a backlog waits for the next publish. A session
            // that starts with its subscriptions in place is served normally, so start one now.
            LOG.infof("%s reconnects once so that its session starts with its shared subscriptions",
                    connection.clientId());
            session.close("reconnecting once so that the session starts with its shared subscriptions");
        }
    }

    /** The session ended: no more deadlines or retries on it. */
    void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (retry != null) {
            retry.cancel(false);
        }
    }
}
