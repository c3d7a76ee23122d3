package city.gridcommand.ingest.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Encodes the MQTT 5 control packets a subscriber sends (MQTT 5.0, section 3). */
final class MqttPackets {

    /** PUBACK with the success reason code left out, as MQTT 5 allows: 4 bytes. */
    static final int PUBACK_BYTES = 4;
    private static final int PROPERTY_SESSION_EXPIRY = 0x11;
    private static final int PROPERTY_RECEIVE_MAXIMUM = 0x21;

    private MqttPackets() {
    }

    /**
     * What a CONNECT carries.
     *
     * @param cleanStart        false keeps the broker's session (subscriptions and unacknowledged messages)
     * @param receiveMaximum    most QoS 1 messages the broker may have unacknowledged with us (1..65535)
     */
    record Connect(String clientId, Optional<String> username, Optional<String> password, int keepAliveSeconds,
            boolean cleanStart, long sessionExpirySeconds, int receiveMaximum) {
    }

    static ByteBuf connect(ByteBufAllocator alloc, Connect connect) {
        byte[] clientId = utf8(connect.clientId());
        byte[] username = connect.username().map(MqttPackets::utf8).orElse(null);
        byte[] password = connect.password().map(MqttPackets::utf8).orElse(null);
        int properties = 1 + 4 + 1 + 2;
        int remaining = 6 + 1 + 1 + 2 // "MQTT", level, flags, keep alive
                + variableIntSize(properties) + properties
                + 2 + clientId.length
                + (username == null ? 0 : 2 + username.length)
                + (password == null ? 0 : 2 + password.length);
        ByteBuf out = alloc.buffer(1 + variableIntSize(remaining) + remaining);
        out.writeByte(0x10);
        writeVariableInt(out, remaining);
        writeBytes(out, utf8("MQTT"));
        out.writeByte(5);
        int flags = (connect.cleanStart() ? 0x02 : 0) | (username == null ? 0 : 0x80) | (password == null ? 0 : 0x40);
        out.writeByte(flags);
        out.writeShort(connect.keepAliveSeconds());
        writeVariableInt(out, properties);
        out.writeByte(PROPERTY_SESSION_EXPIRY);
        out.writeInt((int) Math.min(connect.sessionExpirySeconds(), 0xFFFF_FFFFL));
        out.writeByte(PROPERTY_RECEIVE_MAXIMUM);
        out.writeShort(connect.receiveMaximum());
        writeBytes(out, clientId);
        if (username != null) {
            writeBytes(out, username);
        }
        if (password != null) {
            writeBytes(out, password);
        }
        return out;
    }

    /**
     * SUBSCRIBE to every filter with the same subscription options (MQTT 5.0, 3.8.3.1: bits 0-1 QoS, bit
     * 2 no local, bit 3 retain as published, bits 4-5 retain handling), without properties.
     */
    static ByteBuf subscribe(ByteBufAllocator alloc, int packetId, List<String> filters, int options) {
        int remaining = 2 + 1;
        for (String filter : filters) {
            remaining += 2 + utf8(filter).length + 1;
        }
        ByteBuf out = alloc.buffer(1 + variableIntSize(remaining) + remaining);
        out.writeByte(0x82);
        writeVariableInt(out, remaining);
        out.writeShort(packetId);
        out.writeByte(0); // no properties
        for (String filter : filters) {
            writeBytes(out, utf8(filter));
            out.writeByte(options);
        }
        return out;
    }

    /** Appends a PUBACK (success) for {@code packetId}. */
    static void writePubAck(ByteBuf out, int packetId) {
        out.writeByte(0x40);
        out.writeByte(2);
        out.writeShort(packetId);
    }

    static ByteBuf pingReq(ByteBufAllocator alloc) {
        return alloc.buffer(2).writeByte(0xC0).writeByte(0);
    }

    /** DISCONNECT, normal: the broker keeps the session for its expiry interval. */
    static ByteBuf disconnect(ByteBufAllocator alloc) {
        return alloc.buffer(2).writeByte(0xE0).writeByte(0);
    }

    static void writeVariableInt(ByteBuf out, int value) {
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.writeByte(value > 0 ? b | 0x80 : b);
        } while (value > 0);
    }

    static int variableIntSize(int value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    private static void writeBytes(ByteBuf out, byte[] value) {
        out.writeShort(value.length);
        out.writeBytes(value);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
