package city.gridcommand.ingest.mqtt;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import jdk.net.ExtendedSocketOptions;

/**
 * Where the broker is and how a socket to it is opened: {@code tcp://} or {@code ssl://} (the JVM's trust
 * store, host name checked), a connect timeout, no Nagle delay, and TCP keepalive probes after the MQTT
 * keep-alive's idle time instead of the kernel's two hours, so a vanished peer is found even while
 * reading is paused for back-pressure (where the platform cannot tune the probes, the kernel's times hold).
 */
final class BrokerEndpoint {

    private static final int TCP_KEEPALIVE_PROBES = 3;

    private final String host;
    private final int port;
    private final SslContext ssl;

    BrokerEndpoint(String url) {
        URI uri = URI.create(url);
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

    /**
     * Opens a socket whose pipeline ends with what {@code handlers} gives for it (after TLS, if any).
     *
     * @param keepAliveSeconds idle time before TCP keepalive probes, a sixth of it between them
     */
    ChannelFuture open(EventLoopGroup group, Duration connectTimeout, int keepAliveSeconds,
            Function<SocketChannel, ChannelHandler[]> handlers) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis())))
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), keepAliveSeconds)
                .option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL), Math.max(1, keepAliveSeconds / 6))
                .option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), TCP_KEEPALIVE_PROBES)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(tlsHandler(ch));
                        }
                        ch.pipeline().addLast(handlers.apply(ch));
                    }
                })
                .connect(host, port);
    }

    private SslHandler tlsHandler(SocketChannel ch) {
        SslHandler tls = ssl.newHandler(ch.alloc(), host, port);
        SSLParameters parameters = tls.engine().getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.engine().setSSLParameters(parameters);
        return tls;
    }
}
