package city.gridcommand.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The subscriber's view of the wire: packets as MQTT 5.0 section 3 lays them out, cut anywhere by TCP. */
class MqttFrameDecoderTest {

    private static final int MAX_PAYLOAD = 1_000;
    private static final int KEPT = 16;

    private final EmbeddedChannel channel = new EmbeddedChannel(new MqttFrameDecoder(MAX_PAYLOAD, KEPT));

    @Test
    void decodesAQos1PublishFedOneByteAtATime() {
        byte[] payload = "{\"ts\":1,\"seq\":7}".getBytes(StandardCharsets.UTF_8);
        byte[] frame = publish(1, true, "grid/v1/sensors/s-1/telemetry", 0x1234, properties(0x23, 0, 5), payload);

        for (byte b : frame) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        MqttPacket.Publish publish = channel.readInbound();
        assertThat(publish.topic()).isEqualTo("grid/v1/sensors/s-1/telemetry");
        assertThat(publish.qos()).isEqualTo(1);
        assertThat(publish.dup()).isTrue();
        assertThat(publish.packetId()).isEqualTo(0x1234);
        assertThat(publish.payload()).isEqualTo(payload);
        assertThat(publish.payloadSize()).isEqualTo(payload.length);
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void decodesSeveralPacketsArrivingInOneRead() {
        byte[] first = publish(0, false, "a/b", 0, new byte[0], bytes("x"));
        byte[] second = publish(1, false, "c/d", 9, new byte[0], bytes("yz"));
        byte[] ping = {(byte) 0xD0, 0};

        channel.writeInbound(Unpooled.wrappedBuffer(concat(first, second, ping)));

        MqttPacket.Publish a = channel.readInbound();
        MqttPacket.Publish c = channel.readInbound();
        assertThat(a.topic()).isEqualTo("a/b");
        assertThat(a.qos()).isZero();
        assertThat(a.packetId()).isZero();
        assertThat(c.topic()).isEqualTo("c/d");
        assertThat(c.packetId()).isEqualTo(9);
        assertThat(c.payload()).isEqualTo(bytes("yz"));
        assertThat((Object) channel.readInbound()).isInstanceOf(MqttPacket.PingResp.class);
    }

    @Test
    void keepsOnlyTheFirstBytesOfAnOversizedPayloadAndItsRealSize() {
        byte[] huge = new byte[300_000];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = (byte) i;
        }
        byte[] frame = publish(1, false, "grid/v1/sensors/s-2/telemetry", 77, new byte[0], huge);
        byte[] after = publish(1, false, "grid/v1/sensors/s-3/telemetry", 78, new byte[0], bytes("{}"));
        byte[] stream = concat(frame, after);

        for (int i = 0; i < stream.length; i += 4_096) {
            channel.writeInbound(Unpooled.wrappedBuffer(stream, i, Math.min(4_096, stream.length - i)));
        }

        MqttPacket.Publish oversized = channel.readInbound();
        assertThat(oversized.packetId()).isEqualTo(77);
        assertThat(oversized.topic()).isEqualTo("grid/v1/sensors/s-2/telemetry");
        assertThat(oversized.payloadSize()).isEqualTo(300_000);
        assertThat(oversized.payload()).isEqualTo(Arrays.copyOf(huge, KEPT));
        MqttPacket.Publish next = channel.readInbound();
        assertThat(next.packetId()).isEqualTo(78);
        assertThat(next.payload()).isEqualTo(bytes("{}"));
    }

    @Test
    void skipsLargePropertiesOfAnOversizedPublishAsTheyArrive() {
        byte[] value = new byte[65_535];
        Arrays.fill(value, (byte) 'v');
        byte[] userProperty = concat(new byte[] {0x26, 0, 1, (byte) 'k', (byte) 0xFF, (byte) 0xFF},
                Arrays.copyOf(value, 65_535));
        byte[] props = concat(userProperty, userProperty);
        byte[] payload = new byte[2_000];
        Arrays.fill(payload, (byte) 'p');
        byte[] frame = publish(1, false, "grid/v1/cameras/c-1/detections", 5, props, payload);

        for (int i = 0; i < frame.length; i += 1_000) {
            channel.writeInbound(Unpooled.wrappedBuffer(frame, i, Math.min(1_000, frame.length - i)));
        }

        MqttPacket.Publish publish = channel.readInbound();
        assertThat(publish.topic()).isEqualTo("grid/v1/cameras/c-1/detections");
        assertThat(publish.payloadSize()).isEqualTo(2_000);
        assertThat(publish.payload()).isEqualTo(Arrays.copyOf(payload, KEPT));
    }

    @Test
    void readsConnAckSessionPresentServerKeepAliveAndReason() {
        byte[] props = concat(properties(0x13, 0, 30), stringProperty(0x1F, "welcome"), properties(0x21, 0x01, 0x00));
        channel.writeInbound(Unpooled.wrappedBuffer(packet(0x20, concat(new byte[] {1, 0}, lengthPrefixed(props)))));

        MqttPacket.ConnAck ack = channel.readInbound();
        assertThat(ack.sessionPresent()).isTrue();
        assertThat(ack.accepted()).isTrue();
        assertThat(ack.serverKeepAlive()).isEqualTo(30);
        assertThat(ack.reasonString()).isEqualTo("welcome");
    }

    @Test
    void readsARefusedConnAck() {
        channel.writeInbound(Unpooled.wrappedBuffer(packet(0x20, new byte[] {0, (byte) 0x87, 0})));

        MqttPacket.ConnAck ack = channel.readInbound();
        assertThat(ack.accepted()).isFalse();
        assertThat(ack.reasonCode()).isEqualTo(0x87);
        assertThat(ack.serverKeepAlive()).isEqualTo(-1);
    }

    @Test
    void readsSubAckReasonCodesInOrder() {
        channel.writeInbound(Unpooled.wrappedBuffer(packet(0x90, new byte[] {0, 1, 0, 1, 1, (byte) 0x80})));

        MqttPacket.SubAck ack = channel.readInbound();
        assertThat(ack.packetId()).isEqualTo(1);
        assertThat(ack.reasonCodes()).containsExactly(1, 1, 0x80);
    }

    @Test
    void readsDisconnectWithAndWithoutReason() {
        channel.writeInbound(Unpooled.wrappedBuffer(packet(0xE0, new byte[0])));
        byte[] withReason = concat(new byte[] {(byte) 0x8E}, lengthPrefixed(stringProperty(0x1F, "taken over")));
        channel.writeInbound(Unpooled.wrappedBuffer(packet(0xE0, withReason)));

        assertThat((MqttPacket.Disconnect) channel.readInbound()).isEqualTo(new MqttPacket.Disconnect(0, ""));
        assertThat((MqttPacket.Disconnect) channel.readInbound()).isEqualTo(new MqttPacket.Disconnect(0x8E, "taken over"));
    }

    @Test
    void refusesQos2BecauseOnlyQos1WasAskedFor() {
        byte[] frame = publish(2, false, "a", 5, new byte[0], bytes("x"));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(frame)))
                .isInstanceOf(DecoderException.class).hasMessageContaining("QoS 2");
    }

    @Test
    void refusesARemainingLengthOfMoreThanFourBytes() {
        byte[] frame = {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(frame)))
                .isInstanceOf(DecoderException.class).hasMessageContaining("remaining length");
    }

    // ---- building frames by hand, following the specification rather than the encoder under test

    static byte[] publish(int qos, boolean dup, String topic, int packetId, byte[] props, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] name = bytes(topic);
        body.write(name.length >> 8);
        body.write(name.length & 0xFF);
        body.writeBytes(name);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId & 0xFF);
        }
        body.writeBytes(lengthPrefixed(props));
        body.writeBytes(payload);
        return packet(0x30 | (dup ? 0x08 : 0) | qos << 1, body.toByteArray());
    }

    static byte[] packet(int firstByte, byte[] body) {
        ByteBuf out = Unpooled.buffer();
        out.writeByte(firstByte);
        MqttPackets.writeVariableInt(out, body.length);
        out.writeBytes(body);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /** A property list with its variable-byte-integer length in front. */
    private static byte[] lengthPrefixed(byte[] value) {
        ByteBuf length = Unpooled.buffer();
        MqttPackets.writeVariableInt(length, value.length);
        byte[] prefix = new byte[length.readableBytes()];
        length.readBytes(prefix);
        return concat(prefix, value);
    }

    private static byte[] properties(int id, int... valueBytes) {
        byte[] out = new byte[1 + valueBytes.length];
        out[0] = (byte) id;
        for (int i = 0; i < valueBytes.length; i++) {
            out[i + 1] = (byte) valueBytes[i];
        }
        return out;
    }

    private static byte[] stringProperty(int id, String value) {
        byte[] text = bytes(value);
        return concat(new byte[] {(byte) id, 0, (byte) text.length}, text);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
