package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.InboundMessage;
import city.gridcommand.signal.SignalSource;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One MQTT 5 connection taking the feeds to the ingest pipeline: a subscriber written for this job on
 * Netty, because acknowledging only after the database commit is the whole point and the general clients
 * make it expensive. This class keeps the connection made: it connects, and after every loss connects
 * again with {@link ReconnectBackoff}; the protocol on each socket is {@link MqttSession}.
 *
 * <p><b>No loss.</b> The session is persistent (clean start off, long expiry) and a QoS 1 message is
 * acknowledged only once its batch is committed; a crash leaves it unacknowledged and the broker
 * redelivers it. The SmallRye connector's Vert.x client acknowledges on arrival, before anything is
 * stored. The HiveMQ client does acknowledge manually, but walks its whole queue of unacknowledged
 * messages on every arrival and every acknowledgement (BENCHMARKS.md: two thirds of the service's CPU
 * once thousands of messages await their commit).
 *
 * <p><b>Bounded memory.</b> {@link InflightLimit} stops reading the socket at this connection's capacity
 * in messages or bytes, so what we cannot take yet waits at the broker, whatever receive maximum the
 * broker honours; a payload over the size limit is never buffered whole ({@link MqttFrameDecoder}).
 *
 * <p><b>Nothing hangs.</b> Every step has a deadline (TCP connect and CONNACK, SUBACK, the broker's
 * silence), TCP keepalive finds a dead peer while reading is paused, and {@link ConnectionHealth} says
 * how long ingest has been cut off.
 */
final class MqttConnection {

    private static final Logger LOG = Logger.getLogger(MqttConnection.class);

    /**
     * What one connection may hold and take.
     *
     * @param capacity         most messages held unacknowledged
     * @param capacityBytes    most payload bytes held unacknowledged
     * @param maxPayloadBytes  larger payloads are not buffered whole: only their first
     *                         {@code keptPayloadBytes} reach the pipeline, with their real size
     */
    record Limits(int capacity, long capacityBytes, int maxPayloadBytes, int keptPayloadBytes) {
    }

    private final MqttSettings settings;
    private final String clientId;
    private final String sharedGroup;
    private final Consumer<InboundMessage> pipeline;
    private final EventLoopGroup group;
    private final Limits limits;
    private final InflightLimit limit;
    private final ReconnectBackoff backoff;
    private final ConnectionHealth health;
    private final BrokerEndpoint endpoint;

    private volatile Channel channel;
    private volatile boolean stopped;
    private volatile boolean outageReported;

    MqttConnection(MqttSettings settings, String clientId, String sharedGroup, Consumer<InboundMessage> pipeline,
            EventLoopGroup group, Limits limits) {
        this.settings = settings;
        this.clientId = clientId;
        this.sharedGroup = sharedGroup;
        this.pipeline = pipeline;
        this.group = group;
        this.limits = limits;
        this.limit = new InflightLimit(limits.capacity(), limits.capacityBytes());
        this.backoff = new ReconnectBackoff(settings.reconnectDelay(), settings.maxReconnectDelay(),
                settings.stableAfter(), () -> ThreadLocalRandom.current().nextDouble());
        this.health = new ConnectionHealth(clientId);
        this.endpoint = new BrokerEndpoint(settings.url());
    }

    /** Connects in the background, and again whenever the connection is lost, until {@link #stop()}. */
    void start() {
        connect();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        endpoint.open(group, settings.connackTimeout(), keepAliveSeconds(), ch -> new ChannelHandler[] {
            new MqttFrameDecoder(limits.maxPayloadBytes(), limits.keptPayloadBytes()), new MqttSession(this, ch)})
                .addListener((ChannelFuture future) -> {
                    if (!future.isSuccess()) {
                        attemptFailed("cannot reach " + settings.url() + ": " + future.cause().getMessage());
                    }
                });
    }

    /** An attempt ended before the broker accepted us: reported once per outage, then retried. */
    void attemptFailed(String problem) {
        health.attemptFailed(problem);
        if (!outageReported) {
            LOG.errorf("%s: %s; retrying in the background", clientId, problem);
            outageReported = true; // once per outage, not at every attempt
        } else {
            LOG.debugf("%s: %s", clientId, problem);
        }
        scheduleReconnect();
    }

    /** The broker accepted our CONNECT: a session. */
    void sessionStarted() {
        outageReported = false;
        backoff.up(System.nanoTime());
        health.sessionStarted();
    }

    /** The session on a socket ended; connects again unless stopping. */
    void sessionEnded(String problem) {
        backoff.down(System.nanoTime());
        health.sessionEnded(problem);
        if (!stopped) {
            LOG.warnf("%s disconnected from the MQTT broker (%s); reconnecting", clientId, problem);
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (stopped) {
            return;
        }
        group.schedule(this::connect, backoff.nextDelayMillis(), TimeUnit.MILLISECONDS);
    }

    /** The socket the next messages come from: reading paused there if the in-flight limit is reached. */
    void attach(Channel ch) {
        channel = ch;
        limit.attach(ch);
    }

    /** A session with every feed subscribed, taking messages. */
    boolean healthy() {
        Channel current = channel;
        return !stopped && health.healthy() && current != null && current.isActive();
    }

    /** Stops taking messages; what is unacknowledged stays with the broker. */
    void stop() {
        stopped = true;
        limit.stop();
    }

    /** Sends DISCONNECT (the broker keeps the session) and closes, waiting up to 5 seconds. */
    void disconnect() {
        stopped = true;
        Channel current = channel;
        if (current == null || !current.isActive()) {
            return;
        }
        current.writeAndFlush(MqttPackets.disconnect(current.alloc()))
                .addListener(f -> current.close())
                .channel().closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Every feed, and every feed gateways publish, at QoS 1, through the shared-subscription group when there is one. */
    List<String> topicFilters() {
        return Stream.concat(SignalSource.feeds().stream().map(SignalSource::topicFilter),
                        SignalSource.gatewayFeeds().stream().map(SignalSource::gatewayTopicFilter))
                .map(filter -> sharedGroup == null ? filter : "$share/" + sharedGroup + "/" + filter)
                .toList();
    }

    /** The MQTT keep-alive in whole seconds, within what CONNECT can carry. */
    int keepAliveSeconds() {
        return (int) Math.max(1, Math.min(65_535, settings.keepAlive().toSeconds()));
    }

    /** The current socket, or null before the first. */
    Channel channel() {
        return channel;
    }

    boolean stopped() {
        return stopped;
    }

    boolean shared() {
        return sharedGroup != null;
    }

    String clientId() {
        return clientId;
    }

    MqttSettings settings() {
        return settings;
    }

    Consumer<InboundMessage> pipeline() {
        return pipeline;
    }

    InflightLimit limit() {
        return limit;
    }

    ConnectionHealth health() {
        return health;
    }

    /** The receive maximum announced to the broker: this connection's capacity, as far as MQTT can say it. */
    int receiveMaximum() {
        return Math.max(1, Math.min(limits.capacity(), 65_535));
    }
}
