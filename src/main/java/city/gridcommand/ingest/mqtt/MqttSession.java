package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.Acknowledgement;
import city.gridcommand.ingest.InboundMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The protocol on one socket: CONNECT (answered within the CONNACK timeout), then SUBSCRIBE on every
 * connect ({@link FeedSubscription}), then messages in and PUBACKs out, with keep-alive. Lives and dies
 * with its channel, on the channel's event loop; when the channel closes, {@link MqttConnection} makes
 * the next one.
 */
final class MqttSession extends SimpleChannelInboundHandler<MqttPacket> {

    private static final Logger LOG = Logger.getLogger(MqttSession.class);

    private final MqttConnection connection;
    private final Channel ch;
    private final PubAckOutbox outbox;
    private final InflightLimit limit;
    private final String clientId;
    private ScheduledFuture<?> connackDeadline;
    private ScheduledFuture<?> keepAlive;
    private FeedSubscription subscription;
    private boolean accepted;
    private String closing;
    private long lastReadNanos = System.nanoTime();

    MqttSession(MqttConnection connection, Channel ch) {
        this.connection = connection;
        this.ch = ch;
        this.outbox = new PubAckOutbox(ch);
        this.limit = connection.limit();
        this.clientId = connection.clientId();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection.attach(ch);
        MqttSettings settings = connection.settings();
        long timeout = settings.connackTimeout().toMillis();
        connackDeadline = ctx.executor().schedule(() -> close("no CONNACK within " + timeout + " ms"), timeout,
                TimeUnit.MILLISECONDS);
        // with TLS, this waits for the handshake, which the same deadline covers
        ctx.writeAndFlush(MqttPackets.connect(ctx.alloc(), new MqttPackets.Connect(clientId, settings.username(),
                settings.password(), connection.keepAliveSeconds(), false, settings.sessionExpirySeconds(),
                connection.receiveMaximum())));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttPacket packet) {
        lastReadNanos = System.nanoTime();
        if (packet instanceof MqttPacket.Publish publish) {
            take(publish);
        } else if (packet instanceof MqttPacket.ConnAck ack) {
            connected(ctx, ack);
        } else if (packet instanceof MqttPacket.SubAck ack && subscription != null) {
            subscription.answered(ack);
        } else if (packet instanceof MqttPacket.Disconnect disconnect) {
            String reason = String.format("the broker closed the connection: reason 0x%02x %s",
                    disconnect.reasonCode(), disconnect.reasonString());
            LOG.warnf("%s: %s", clientId, reason);
            closing = reason; // the broker closes the socket next
        }
    }

    private void take(MqttPacket.Publish publish) {
        if (connection.stopped()) {
            return; // not acknowledged: the broker keeps it for the next session
        }
        int bytes = publish.payload().length;
        limit.taken(bytes);
        connection.pipeline().accept(new InboundMessage(publish.topic(), publish.payload(), publish.payloadSize(),
                System.currentTimeMillis(), new Delivery(publish.packetId(), bytes)));
    }

    /** One message's way back to the broker; packet id 0 for QoS 0, which is never acknowledged. */
    private final class Delivery implements Acknowledgement {

        private final int packetId;
        private final int bytes;
        private int readings = 1;

        Delivery(int packetId, int bytes) {
            this.packetId = packetId;
            this.bytes = bytes;
        }

        @Override
        public void acknowledge() {
            if (packetId != 0) {
                outbox.acknowledge(packetId);
            }
            limit.released(readings, bytes);
        }

        /** Called on the event loop while the message is taken, before any of its readings can be acknowledged. */
        @Override
        public void holds(int items) {
            if (items > readings) {
                limit.more(items - readings);
                readings = items;
            }
        }

        /** The broker sends an unacknowledged message again only on a new connection: so make one. */
        @Override
        public void redeliver() {
            limit.released(readings, bytes);
            if (packetId != 0 && ch.isActive()) {
                LOG.warnf("%s: reconnecting so that the broker delivers unstored messages again", clientId);
                close("reconnecting so that the broker delivers unstored messages again");
            }
        }
    }

    private void connected(ChannelHandlerContext ctx, MqttPacket.ConnAck ack) {
        connackDeadline.cancel(false);
        if (!ack.accepted()) {
            String reason = String.format("the broker refused %s: reason 0x%02x %s", clientId, ack.reasonCode(),
                    ack.reasonString());
            close(reason);
            return;
        }
        accepted = true;
        connection.sessionStarted();
        LOG.infof("connected to %s as %s (session present: %s)", connection.settings().url(), clientId,
                ack.sessionPresent());
        int seconds = ack.serverKeepAlive() >= 0 ? ack.serverKeepAlive() : connection.keepAliveSeconds();
        if (seconds > 0) {
            long period = Math.max(1, seconds / 2);
            keepAlive = ctx.executor().scheduleAtFixedRate(() -> ping(ctx, seconds), period, period,
                    TimeUnit.SECONDS);
        }
        // Every connect, also when the broker kept our session: a feed added since, or a changed shared
        // group, is subscribed too. Subscribing again to what the session has is harmless (retain handling 1).
        subscription = new FeedSubscription(connection, this, ctx, !ack.sessionPresent());
        subscription.subscribe();
    }

    /** Keeps the connection alive, and closes it when the broker has been silent too long while we read. */
    private void ping(ChannelHandlerContext ctx, int keepAliveSeconds) {
        boolean reading = ch.config().isAutoRead();
        if (reading && System.nanoTime() - lastReadNanos > TimeUnit.SECONDS.toNanos(2L * keepAliveSeconds)) {
            String reason = "no answer from the MQTT broker for " + 2 * keepAliveSeconds + " s";
            LOG.warnf("%s: %s; reconnecting", clientId, reason);
            close(reason);
            return;
        }
        if (!reading) {
            lastReadNanos = System.nanoTime(); // paused on purpose: the broker's silence proves nothing
        }
        ctx.writeAndFlush(MqttPackets.pingReq(ctx.alloc()), ctx.voidPromise());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connackDeadline != null) {
            connackDeadline.cancel(false);
        }
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (subscription != null) {
            subscription.cancel();
        }
        String problem = closing != null ? closing : "the connection closed";
        if (accepted) {
            connection.sessionEnded(problem);
        } else {
            connection.attemptFailed(problem);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warnf("%s: closing the MQTT connection: %s", clientId, cause.toString());
        close(cause.toString());
    }

    /** Closes the socket for {@code reason}, which the health checks show until the next session. */
    void close(String reason) {
        if (closing == null) {
            closing = reason;
        }
        ch.close();
    }
}
