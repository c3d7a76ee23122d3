package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.Acknowledgement;
import city.gridcommand.ingest.InboundMessage;
import city.gridcommand.ingest.IngestPipeline;
import city.gridcommand.signal.SignalSource;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.jboss.logging.Logger;

/**
 * One MQTT 5 connection taking the feeds to the ingest pipeline: a subscriber written for this job on
 * Netty, because acknowledging only after the database commit is the whole point and the general clients
 * make it expensive.
 *
 * <p><b>No loss.</b> The session is persistent (clean start off, long expiry) and a QoS 1 message is
 * acknowledged only once its batch is committed; a crash leaves it unacknowledged and the broker
 * redelivers it. The SmallRye connector's Vert.x client acknowledges on arrival, before anything is
 * stored. The HiveMQ client does acknowledge manually, but walks its whole queue of unacknowledged
 * messages on every arrival and every acknowledgement (BENCHMARKS.md: two thirds of the service's CPU
 * once thousands of messages await their commit).
 *
 * <p><b>Bounded memory.</b> {@link InflightLimit} stops reading the socket at this connection's capacity
 * in messages or payload bytes, so what we cannot take yet waits at the broker, whatever receive maximum the broker honours; a payload
 * over the size limit is never buffered whole ({@link MqttFrameDecoder}).
 *
 * <p><b>Cheap acknowledgements.</b> PUBACKs are written a batch at a time ({@link PubAckOutbox}).
 */
final class MqttConnection {

    private static final Logger LOG = Logger.getLogger(MqttConnection.class);
    private static final int KEEP_ALIVE_SECONDS = 60;
    private static final int SUBSCRIBE_PACKET_ID = 1;
    private static final long FIRST_RECONNECT_DELAY_MS = 200;
    private static final long MAX_RECONNECT_DELAY_MS = 5_000;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final MqttSettings settings;
    private final String clientId;
    private final String sharedGroup;
    private final IngestPipeline pipeline;
    private final EventLoopGroup group;
    private final InflightLimit limit;
    private final int receiveMaximum;
    private final String host;
    private final int port;
    private final SslContext ssl;
    private final int maxPayloadBytes;
    private final int keptPayloadBytes;

    private volatile Channel channel;
    private volatile boolean sessionUp;
    private volatile boolean stopped;
    private volatile long reconnectDelayMs = FIRST_RECONNECT_DELAY_MS;
    private volatile boolean outageReported;

    /**
     * @param capacity         most messages held unacknowledged by this connection
     * @param capacityBytes    most payload bytes held unacknowledged by this connection
     * @param maxPayloadBytes  larger payloads are not buffered whole: only their first
     *                         {@code keptPayloadBytes} reach the pipeline, with their real size
     */
    MqttConnection(MqttSettings settings, String clientId, String sharedGroup, IngestPipeline pipeline,
            EventLoopGroup group, int capacity, long capacityBytes, int maxPayloadBytes, int keptPayloadBytes) {
        this.settings = settings;
        this.clientId = clientId;
        this.sharedGroup = sharedGroup;
        this.pipeline = pipeline;
        this.group = group;
        this.limit = new InflightLimit(capacity, capacityBytes);
        this.receiveMaximum = Math.max(1, Math.min(capacity, 65_535));
        this.maxPayloadBytes = maxPayloadBytes;
        this.keptPayloadBytes = keptPayloadBytes;
        URI uri = URI.create(settings.url());
        boolean tls = "ssl".equals(uri.getScheme()) || "mqtts".equals(uri.getScheme());
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        this.ssl = tls ? clientSslContext() : null;
    }

    private static SslContext clientSslContext() {
        try {
            // the JVM's trust store (javax.net.ssl.trustStore when set)
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for the MQTT broker: " + e.getMessage(), e);
        }
    }

    /** Connects in the background, and again whenever the connection is lost, until {@link #stop()}. */
    void start() {
        connect();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            SslHandler tls = ssl.newHandler(ch.alloc(), host, port);
                            SSLParameters parameters = tls.engine().getSSLParameters();
                            parameters.setEndpointIdentificationAlgorithm("HTTPS");
                            tls.engine().setSSLParameters(parameters);
                            ch.pipeline().addLast(tls);
                        }
                        ch.pipeline().addLast(new MqttFrameDecoder(maxPayloadBytes, keptPayloadBytes), new Session(ch));
                    }
                })
                .connect(host, port)
                .addListener((ChannelFuture future) -> {
                    if (!future.isSuccess()) {
                        Throwable cause = future.cause();
                        if (!outageReported) {
                            LOG.errorf("cannot reach the MQTT broker at %s yet (%s); retrying in the background",
                                    settings.url(), cause.getMessage());
                            outageReported = true; // once per outage, not every 5 seconds
                        } else {
                            LOG.debugf("cannot reach the MQTT broker at %s: %s", settings.url(), cause.getMessage());
                        }
                        scheduleReconnect();
                    }
                });
    }

    private void scheduleReconnect() {
        if (stopped) {
            return;
        }
        long delay = reconnectDelayMs;
        reconnectDelayMs = Math.min(reconnectDelayMs * 2, MAX_RECONNECT_DELAY_MS);
        group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Connected, subscribed or resumed, and taking messages. */
    boolean connected() {
        Channel current = channel;
        return !stopped && sessionUp && current != null && current.isActive();
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

    /** Messages taken from the broker and not yet acknowledged. */
    int held() {
        return limit.held();
    }

    /** The protocol on one channel: CONNECT, then SUBSCRIBE when the broker has no session, then messages. */
    private final class Session extends SimpleChannelInboundHandler<MqttPacket> {

        private final Channel ch;
        private final PubAckOutbox outbox;
        private ScheduledFuture<?> keepAlive;
        private boolean subscribedHere;
        private long lastReadNanos = System.nanoTime();

        Session(Channel ch) {
            this.ch = ch;
            this.outbox = new PubAckOutbox(ch);
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ch;
            limit.attach(ch);
            ctx.writeAndFlush(MqttPackets.connect(ctx.alloc(), new MqttPackets.Connect(clientId, settings.username(),
                    settings.password(), KEEP_ALIVE_SECONDS, false, settings.sessionExpirySeconds(), receiveMaximum)));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttPacket packet) {
            lastReadNanos = System.nanoTime();
            if (packet instanceof MqttPacket.Publish publish) {
                take(publish);
            } else if (packet instanceof MqttPacket.ConnAck ack) {
                connected(ctx, ack);
            } else if (packet instanceof MqttPacket.SubAck ack) {
                subscribed(ack);
            } else if (packet instanceof MqttPacket.Disconnect disconnect) {
                LOG.warnf("%s: the broker is closing the connection: reason 0x%02x %s", clientId,
                        disconnect.reasonCode(), disconnect.reasonString());
            }
        }

        private void take(MqttPacket.Publish publish) {
            if (stopped) {
                return; // not acknowledged: the broker keeps it for the next session
            }
            int bytes = publish.payload().length;
            limit.taken(bytes);
            pipeline.accept(new InboundMessage(publish.topic(), publish.payload(), publish.payloadSize(),
                    System.currentTimeMillis(), new Delivery(publish.packetId(), bytes)));
        }

        /** One message's way back to the broker; packet id 0 for QoS 0, which is never acknowledged. */
        private final class Delivery implements Acknowledgement {

            private final int packetId;
            private final int bytes;

            Delivery(int packetId, int bytes) {
                this.packetId = packetId;
                this.bytes = bytes;
            }

            @Override
            public void acknowledge() {
                if (packetId != 0) {
                    outbox.acknowledge(packetId);
                }
                limit.released(bytes);
            }

            /** The broker sends an unacknowledged message again only on a new connection: so make one. */
            @Override
            public void redeliver() {
                limit.released(bytes);
                if (packetId != 0 && ch.isActive()) {
                    LOG.warnf("%s: reconnecting so that the broker delivers unstored messages again", clientId);
                    ch.close();
                }
            }
        }

        private void connected(ChannelHandlerContext ctx, MqttPacket.ConnAck ack) {
            if (!ack.accepted()) {
                LOG.errorf("the MQTT broker at %s refused %s: reason 0x%02x %s", settings.url(), clientId,
                        ack.reasonCode(), ack.reasonString());
                ctx.close();
                return;
            }
            outageReported = false;
            reconnectDelayMs = FIRST_RECONNECT_DELAY_MS;
            sessionUp = true;
            LOG.infof("connected to %s as %s (session present: %s)", settings.url(), clientId, ack.sessionPresent());
            int seconds = ack.serverKeepAlive() >= 0 ? ack.serverKeepAlive() : KEEP_ALIVE_SECONDS;
            if (seconds > 0) {
                long period = Math.max(1, seconds / 2);
                keepAlive = ctx.executor().scheduleAtFixedRate(() -> ping(ctx, seconds), period, period,
                        TimeUnit.SECONDS);
            }
            if (!ack.sessionPresent()) {
                subscribedHere = true;
                ctx.writeAndFlush(MqttPackets.subscribe(ctx.alloc(), SUBSCRIBE_PACKET_ID, topicFilters(), 1));
            }
        }

        /** Keeps the connection alive, and closes it when the broker has been silent too long while we read. */
        private void ping(ChannelHandlerContext ctx, int keepAliveSeconds) {
            boolean reading = ch.config().isAutoRead();
            if (reading && System.nanoTime() - lastReadNanos > TimeUnit.SECONDS.toNanos(2L * keepAliveSeconds)) {
                LOG.warnf("%s: no answer from the MQTT broker for %d s; reconnecting", clientId, 2 * keepAliveSeconds);
                ctx.close();
                return;
            }
            if (!reading) {
                lastReadNanos = System.nanoTime(); // paused on purpose: the broker's silence proves nothing
            }
            ctx.writeAndFlush(MqttPackets.pingReq(ctx.alloc()), ctx.voidPromise());
        }

        private void subscribed(MqttPacket.SubAck ack) {
            StringBuilder codes = new StringBuilder();
            boolean refused = false;
            for (int code : ack.reasonCodes()) {
                codes.append(codes.isEmpty() ? "" : ", ").append(String.format("0x%02x", code));
                refused |= code >= 0x80;
            }
            if (refused) {
                LOG.errorf("%s: the broker refused some feeds (reason codes %s, in the order of %s)", clientId, codes,
                        topicFilters());
            } else {
                LOG.infof("%s subscribed to %d feeds (reason codes %s)", clientId, ack.reasonCodes().length, codes);
            }
            if (sharedGroup != null && subscribedHere) {
                // HiveMQ CE (the embedded broker) decides once per connection whether a client has shared
                // subscriptions; one subscribed after connecting is then served only when new messages arrive,
                // never again after its acknowledgements, and a backlog waits for the next publish. A session
                // that starts with its subscriptions in place is served normally, so start one now.
                LOG.infof("%s reconnects once so that its session starts with its shared subscriptions", clientId);
                ch.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            sessionUp = false;
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            if (!stopped) {
                LOG.warnf("%s disconnected from the MQTT broker; reconnecting", clientId);
                scheduleReconnect();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warnf("%s: closing the MQTT connection: %s", clientId, cause.toString());
            ctx.close();
        }
    }

    /** Every feed at QoS 1, through the shared-subscription group when there is one. */
    private List<String> topicFilters() {
        return SignalSource.feeds().stream()
                .map(source -> sharedGroup == null ? source.topicFilter()
                        : "$share/" + sharedGroup + "/" + source.topicFilter())
                .toList();
    }
}
