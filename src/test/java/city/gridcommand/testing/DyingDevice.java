package city.gridcommand.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A device that dies as real ones do: a bare MQTT 3.1.1 client on a plain socket that sets its last will
 * at connect, publishes at QoS 1, and is then killed: its TCP connection is reset without a DISCONNECT,
 * so the broker publishes its will. (The HiveMQ client cannot be made to vanish like that: it always
 * disconnects properly or reconnects.) Only what a device needs: CONNECT, PUBLISH, and their acks.
 */
public final class DyingDevice implements AutoCloseable {

    private static final int CONNECT = 0x10;
    private static final int CONNACK = 0x20;
    private static final int PUBLISH_QOS1 = 0x32;
    private static final int PUBACK = 0x40;
    private static final int CLEAN_SESSION = 0x02;
    private static final int WILL = 0x04;
    private static final int WILL_QOS1 = 0x08;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int nextPacketId = 1;

    private DyingDevice(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects with a clean session and a QoS 1 last will; fails unless the broker accepts. */
    public static DyingDevice connect(String brokerUrl, String clientId, String willTopic, String willPayload) {
        URI uri = URI.create(brokerUrl);
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(10_000);
            DyingDevice device = new DyingDevice(socket);
            device.send(CONNECT, connectBody(clientId, willTopic, willPayload));
            int returnCode = device.expect(CONNACK)[1];
            if (returnCode != 0) {
                socket.close();
                throw new IllegalStateException("broker refused the connection: return code " + returnCode);
            }
            return device;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] connectBody(String clientId, String willTopic, String willPayload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT".getBytes(StandardCharsets.US_ASCII));
        body.write(4); // protocol level: MQTT 3.1.1
        body.write(CLEAN_SESSION | WILL | WILL_QOS1);
        body.write(0);
        body.write(60); // keep alive, seconds
        writeString(body, utf8(clientId));
        writeString(body, utf8(willTopic));
        writeString(body, utf8(willPayload));
        return body.toByteArray();
    }

    /** Publishes at QoS 1 and waits for the broker's PUBACK. */
    public void publish(String topic, String payload) {
        int packetId = nextPacketId++;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, utf8(topic));
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        body.writeBytes(utf8(payload));
        try {
            send(PUBLISH_QOS1, body.toByteArray());
            byte[] ack = expect(PUBACK);
            if (((ack[0] & 0xFF) << 8 | (ack[1] & 0xFF)) != packetId) {
                throw new IllegalStateException("PUBACK for another packet");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dies: the connection is reset (RST, no DISCONNECT), as when a device loses power or crashes. */
    public void kill() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            kill();
        }
    }

    private void send(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do { // remaining length, 7 bits a byte
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    /** Reads one packet, which must be of {@code type}; returns its body. */
    private byte[] expect(int type) throws IOException {
        int header = in.readUnsignedByte();
        int length = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.readUnsignedByte();
            length |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        byte[] body = new byte[length];
        in.readFully(body);
        if ((header & 0xF0) != type) {
            throw new IllegalStateException("expected packet type " + (type >> 4) + ", got " + (header >> 4));
        }
        return body;
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
