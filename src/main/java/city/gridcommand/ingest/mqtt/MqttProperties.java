package city.gridcommand.ingest.mqtt;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads an MQTT 5 property list (MQTT 5.0, section 2.2.2): every property is skipped by its type, and the
 * few a subscriber acts on are kept.
 */
final class MqttProperties {

    static final int SERVER_KEEP_ALIVE = 0x13;
    static final int REASON_STRING = 0x1F;

    int serverKeepAlive = -1;
    String reasonString = MqttPacket.NO_REASON;

    private MqttProperties() {
    }

    /** Reads the property length and the properties that follow it; {@code in} is left after them. */
    static MqttProperties read(ByteBuf in) {
        MqttProperties properties = new MqttProperties();
        int length = readVariableInt(in);
        if (length > in.readableBytes()) {
            throw new MqttProtocolException("property length " + length + " runs past the packet");
        }
        int end = in.readerIndex() + length;
        while (in.readerIndex() < end) {
            int id = readVariableInt(in);
            switch (id) {
                case SERVER_KEEP_ALIVE -> properties.serverKeepAlive = in.readUnsignedShort();
                case REASON_STRING -> properties.reasonString = readString(in);
                default -> skip(id, in);
            }
        }
        if (in.readerIndex() != end) {
            throw new MqttProtocolException("a property runs past the property length");
        }
        return properties;
    }

    /** Skips the property list, its length included. */
    static void skipAll(ByteBuf in) {
        int length = readVariableInt(in);
        if (length > in.readableBytes()) {
            throw new MqttProtocolException("property length " + length + " runs past the packet");
        }
        in.skipBytes(length);
    }

    private static void skip(int id, ByteBuf in) {
        switch (id) {
            // byte
            case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> in.skipBytes(1);
            // two-byte integer
            case 0x21, 0x22, 0x23 -> in.skipBytes(2);
            // four-byte integer
            case 0x02, 0x11, 0x18, 0x27 -> in.skipBytes(4);
            // variable byte integer
            case 0x0B -> readVariableInt(in);
            // UTF-8 string or binary data
            case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C -> in.skipBytes(in.readUnsignedShort());
            // string pair
            case 0x26 -> {
                in.skipBytes(in.readUnsignedShort());
                in.skipBytes(in.readUnsignedShort());
            }
            default -> throw new MqttProtocolException("unknown property identifier 0x" + Integer.toHexString(id));
        }
    }

    static String readString(ByteBuf in) {
        int length = in.readUnsignedShort();
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }

    /** A variable byte integer (1 to 4 bytes) read from {@code in}. */
    static int readVariableInt(ByteBuf in) {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MqttProtocolException("a variable byte integer is longer than 4 bytes");
    }
}
