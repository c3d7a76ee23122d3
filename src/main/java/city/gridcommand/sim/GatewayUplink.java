package city.gridcommand.sim;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gateway's uplink (the 4G or fibre line from its street cabinet to the broker) that can be cut: a SOCKS5
 * relay on the loopback interface (RFC 1928, no authentication, CONNECT only) that the gateway's MQTT client
 * connects through. {@link #cut()} resets both ends of every relayed connection (RST, no MQTT DISCONNECT), so
 * the broker sees the gateway vanish as when it loses power and publishes its last will. The HiveMQ client
 * cannot be made to drop its connection like that itself (it always sends DISCONNECT, or reconnects); its
 * proxy support (netty-handler-proxy) can route it through this relay, TLS included (end to end, through).
 */
final class GatewayUplink implements AutoCloseable {

    private static final int VERSION = 5;
    private static final int NO_AUTHENTICATION = 0;
    private static final int CONNECT = 1;
    private static final int IPV4 = 1;
    private static final int DOMAIN = 3;
    private static final int IPV6 = 4;
    private static final int SUCCEEDED = 0;
    private static final int HOST_UNREACHABLE = 4;
    private static final int COMMAND_NOT_SUPPORTED = 7;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String name;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private GatewayUplink(String name, ServerSocket server) {
        this.name = name;
        this.server = server;
    }

    /** Opens an uplink for the gateway {@code name} on a free loopback port. */
    static GatewayUplink open(String name) {
        try {
            ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            GatewayUplink uplink = new GatewayUplink(name, server);
            daemon(name + "-uplink", uplink::accept).start();
            return uplink;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open an uplink for gateway " + name + ": " + e, e);
        }
    }

    /** Where the gateway's client connects to as its SOCKS5 proxy. */
    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Cuts the line: every relayed connection is reset at both ends. New connections are relayed again. */
    void cut() {
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        cut();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket gateway = server.accept();
                open.add(gateway);
                daemon(name + "-uplink-relay", () -> relay(gateway)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket gateway) {
        Socket broker = new Socket();
        try {
            InputStream in = gateway.getInputStream();
            OutputStream out = gateway.getOutputStream();
            InetSocketAddress target = handshake(new DataInputStream(in), out);
            if (target == null) {
                gateway.close();
                return;
            }
            open.add(broker);
            try {
                broker.connect(target, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                out.write(reply(HOST_UNREACHABLE));
                gateway.close();
                return;
            }
            out.write(reply(SUCCEEDED));
            out.flush();
            Thread down = daemon(name + "-uplink-down", () -> pump(broker, gateway));
            down.start();
            pump(gateway, broker);
            down.join(CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            reset(gateway);
            reset(broker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(gateway);
            open.remove(broker);
            closeQuietly(gateway);
            closeQuietly(broker);
        }
    }

    /** Reads the greeting and the request; answers the greeting; returns where to connect, or null if refused. */
    private static InetSocketAddress handshake(DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedByte() != VERSION) {
            return null;
        }
        in.readFully(new byte[in.readUnsignedByte()]); // the methods the client offers; none is needed
        out.write(new byte[] {VERSION, NO_AUTHENTICATION});
        out.flush();
        int version = in.readUnsignedByte();
        int command = in.readUnsignedByte();
        in.readUnsignedByte(); // reserved
        int type = in.readUnsignedByte();
        String host = switch (type) {
            case IPV4 -> InetAddress.getByAddress(bytes(in, 4)).getHostAddress();
            case IPV6 -> InetAddress.getByAddress(bytes(in, 16)).getHostAddress();
            case DOMAIN -> new String(bytes(in, in.readUnsignedByte()), StandardCharsets.US_ASCII);
            default -> null;
        };
        int port = in.readUnsignedShort();
        if (version != VERSION || command != CONNECT || host == null) {
            out.write(reply(COMMAND_NOT_SUPPORTED));
            out.flush();
            return null;
        }
        return new InetSocketAddress(host, port);
    }

    private static byte[] bytes(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** A reply with an unspecified bound address (0.0.0.0:0): clients do not use it for CONNECT. */
    private static byte[] reply(int status) {
        return new byte[] {VERSION, (byte) status, 0, IPV4, 0, 0, 0, 0, 0, 0};
    }

    /** Copies one direction until it ends; then ends the other side's output the same way. */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (SocketException e) {
            // reset or cut: the other direction sees it too
        } catch (IOException e) {
            reset(to);
        }
    }

    /** Closes with RST: SO_LINGER 0 drops the connection without the FIN handshake. */
    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
