package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The uplink between a gateway and the broker, with the JDK's own SOCKS5 client as the gateway and a plain
 * server socket as the broker: it relays both ways, and cutting it resets the broker's end (no orderly close),
 * which is what makes a broker publish a last will.
 */
class GatewayUplinkTest {

    @Test
    void relaysBothWaysAndACutResetsTheBrokersEnd() throws IOException {
        try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                GatewayUplink uplink = GatewayUplink.open("lora-440305001");
                Socket gateway = new Socket(new Proxy(Proxy.Type.SOCKS, uplink.address()))) {
            gateway.setSoTimeout(10_000);
            gateway.connect(broker.getLocalSocketAddress(), 10_000);
            try (Socket accepted = broker.accept()) {
                accepted.setSoTimeout(10_000);
                gateway.getOutputStream().write("CONNECT".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(accepted.getInputStream(), 7)).isEqualTo("CONNECT");
                accepted.getOutputStream().write("CONNACK".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(gateway.getInputStream(), 7)).isEqualTo("CONNACK");

                uplink.cut();

                assertThatThrownBy(() -> accepted.getInputStream().read()).isInstanceOf(SocketException.class)
                        .hasMessageContaining("reset");
            }
        }
    }

    @Test
    void aCutLineCarriesTheNextConnection() throws IOException {
        try (ServerSocket broker = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
                GatewayUplink uplink = GatewayUplink.open("nvr-440305001")) {
            try (Socket first = new Socket(new Proxy(Proxy.Type.SOCKS, uplink.address()))) {
                first.connect(broker.getLocalSocketAddress(), 10_000);
                broker.accept().close();
            }
            uplink.cut();
            try (Socket again = new Socket(new Proxy(Proxy.Type.SOCKS, uplink.address()))) {
                again.setSoTimeout(10_000);
                again.connect(broker.getLocalSocketAddress(), 10_000);
                try (Socket accepted = broker.accept()) {
                    accepted.getOutputStream().write("online".getBytes(StandardCharsets.US_ASCII));
                    assertThat(read(again.getInputStream(), 6)).isEqualTo("online");
                }
            }
        }
    }

    private static String read(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        new DataInputStream(in).readFully(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
