package city.gridcommand.ingest.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream from the broker into {@link MqttPacket}s (MQTT 5.0, section 2).
 *
 * <p>Memory per connection stays bounded whatever a publisher sends: a PUBLISH whose payload is larger
 * than {@code maxPayloadBytes} is not buffered whole. Its topic and packet id are read, its first
 * {@code keptBytes} are kept, the rest is skipped as it arrives, and the message is passed on with its
 * real size, so it can be dead-lettered as oversized and acknowledged like any other.
 */
final class MqttFrameDecoder extends ByteToMessageDecoder {

    static final int CONNACK = 2;
    static final int PUBLISH = 3;
    static final int SUBACK = 9;
    static final int PINGRESP = 13;
    static final int DISCONNECT = 14;
    /** Room for the topic and properties of a PUBLISH whose payload is at the limit. */
    private static final int MAX_VARIABLE_HEADER = 128 * 1024;

    private final int maxPayloadBytes;
    private final int keptBytes;
    private OversizedPublish oversized;

    MqttFrameDecoder(int maxPayloadBytes, int keptBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.keptBytes = Math.min(keptBytes, maxPayloadBytes);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (oversized != null) {
            oversized.consume(in);
            if (!oversized.done()) {
                return;
            }
            out.add(oversized.packet());
            oversized = null;
        }
        int start = in.readerIndex();
        int available = in.readableBytes();
        if (available < 2) {
            return;
        }
        int firstByte = in.getUnsignedByte(start);
        int remaining = 0;
        int headerLength = 1;
        for (int shift = 0; ; shift += 7) {
            if (headerLength >= available) {
                return;
            }
            int b = in.getUnsignedByte(start + headerLength++);
            remaining |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            if (shift == 21) {
                throw new MqttProtocolException("remaining length is longer than 4 bytes");
            }
        }
        int type = firstByte >>> 4;
        if (type == PUBLISH && remaining > maxPayloadBytes + MAX_VARIABLE_HEADER) {
            // topic, packet id and the length of the properties; the properties are skipped as they arrive
            int topicAt = start + headerLength;
            if (available < headerLength + 2) {
                return;
            }
            int propertiesAt = topicAt + 2 + in.getUnsignedShort(topicAt) + (((firstByte >>> 1) & 0x03) > 0 ? 2 : 0);
            if (in.writerIndex() < propertiesAt + 4) {
                return;
            }
            in.skipBytes(headerLength);
            int bodyStart = in.readerIndex();
            PublishHeader header = PublishHeader.readBeforeProperties(firstByte, in);
            int propertiesLength = MqttProperties.readVariableInt(in);
            int payloadSize = remaining - (in.readerIndex() - bodyStart) - propertiesLength;
            if (payloadSize < 0) {
                throw new MqttProtocolException("PUBLISH properties run past the packet");
            }
            oversized = new OversizedPublish(header, propertiesLength, payloadSize, keptBytes);
            oversized.consume(in);
            if (oversized.done()) {
                out.add(oversized.packet());
                oversized = null;
            }
            return;
        }
        if (available < headerLength + remaining) {
            return;
        }
        ByteBuf body = in.slice(start + headerLength, remaining);
        in.readerIndex(start + headerLength + remaining);
        out.add(decodePacket(firstByte, body));
    }

    private static MqttPacket decodePacket(int firstByte, ByteBuf body) {
        return switch (firstByte >>> 4) {
            case PUBLISH -> publish(firstByte, body);
            case CONNACK -> connAck(body);
            case SUBACK -> subAck(body);
            case PINGRESP -> new MqttPacket.PingResp();
            case DISCONNECT -> disconnect(body);
            default -> throw new MqttProtocolException("unexpected packet type " + (firstByte >>> 4));
        };
    }

    private static MqttPacket.Publish publish(int firstByte, ByteBuf body) {
        PublishHeader header = PublishHeader.read(firstByte, body);
        byte[] payload = new byte[body.readableBytes()];
        body.readBytes(payload);
        return new MqttPacket.Publish(header.topic(), header.qos(), header.dup(), header.packetId(), payload,
                payload.length);
    }

    private static MqttPacket.ConnAck connAck(ByteBuf body) {
        boolean sessionPresent = (body.readUnsignedByte() & 0x01) != 0;
        int reasonCode = body.readUnsignedByte();
        MqttProperties properties = body.isReadable() ? MqttProperties.read(body) : null;
        return new MqttPacket.ConnAck(sessionPresent, reasonCode,
                properties == null ? -1 : properties.serverKeepAlive,
                properties == null ? MqttPacket.NO_REASON : properties.reasonString);
    }

    private static MqttPacket.SubAck subAck(ByteBuf body) {
        int packetId = body.readUnsignedShort();
        MqttProperties.skipAll(body);
        int[] codes = new int[body.readableBytes()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = body.readUnsignedByte();
        }
        return new MqttPacket.SubAck(packetId, codes);
    }

    private static MqttPacket.Disconnect disconnect(ByteBuf body) {
        if (!body.isReadable()) {
            return new MqttPacket.Disconnect(0, MqttPacket.NO_REASON);
        }
        int reasonCode = body.readUnsignedByte();
        String reason = body.isReadable() ? MqttProperties.read(body).reasonString : MqttPacket.NO_REASON;
        return new MqttPacket.Disconnect(reasonCode, reason);
    }

    /** Topic, QoS, DUP and packet id of a PUBLISH; reading it leaves the buffer at the payload. */
    private record PublishHeader(String topic, int qos, boolean dup, int packetId) {

        static PublishHeader read(int firstByte, ByteBuf body) {
            PublishHeader header = readBeforeProperties(firstByte, body);
            MqttProperties.skipAll(body);
            return header;
        }

        /** Topic and packet id; leaves the buffer at the property length. */
        static PublishHeader readBeforeProperties(int firstByte, ByteBuf body) {
            int qos = (firstByte >>> 1) & 0x03;
            if (qos == 3) {
                throw new MqttProtocolException("PUBLISH with QoS 3");
            }
            if (qos == 2) {
                throw new MqttProtocolException("PUBLISH with QoS 2, above the QoS 1 this subscriber asked for");
            }
            String topic = MqttProperties.readString(body);
            int packetId = qos > 0 ? body.readUnsignedShort() : 0;
            return new PublishHeader(topic, qos, (firstByte & 0x08) != 0, packetId);
        }
    }

    /**
     * A PUBLISH too large to buffer: its header, the first bytes of its payload, and how much is left of its
     * properties (skipped) and its payload.
     */
    private static final class OversizedPublish {

        private final PublishHeader header;
        private final int payloadSize;
        private final byte[] kept;
        private int propertiesLeft;
        private int received;

        OversizedPublish(PublishHeader header, int propertiesLength, int payloadSize, int keptBytes) {
            this.header = header;
            this.propertiesLeft = propertiesLength;
            this.payloadSize = payloadSize;
            this.kept = new byte[Math.min(keptBytes, payloadSize)];
        }

        void consume(ByteBuf in) {
            int skip = Math.min(in.readableBytes(), propertiesLeft);
            in.skipBytes(skip);
            propertiesLeft -= skip;
            if (propertiesLeft > 0) {
                return;
            }
            int take = Math.min(in.readableBytes(), payloadSize - received);
            int keep = Math.max(0, Math.min(take, kept.length - received));
            if (keep > 0) {
                in.readBytes(kept, received, keep);
            }
            in.skipBytes(take - keep);
            received += take;
        }

        boolean done() {
            return propertiesLeft == 0 && received == payloadSize;
        }

        MqttPacket.Publish packet() {
            return new MqttPacket.Publish(header.topic(), header.qos(), header.dup(), header.packetId(), kept,
                    payloadSize);
        }
    }
}
