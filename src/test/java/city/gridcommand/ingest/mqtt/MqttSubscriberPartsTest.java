package city.gridcommand.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the subscriber sends (CONNECT, SUBSCRIBE, PUBACKs) and how it stops reading when full. */
class MqttSubscriberPartsTest {

    @Test
    void connectKeepsTheSessionAndAnnouncesExpiryAndReceiveMaximum() {
        ByteBuf connect = MqttPackets.connect(ByteBufAllocator.DEFAULT, new MqttPackets.Connect("grid-1",
                Optional.of("svc"), Optional.of("pw"), 60, false, 604_800, 20_000));

        assertThat(ByteBufUtil.hexDump(connect)).isEqualTo(""
                + "10" + "24"                 // CONNECT, remaining length 36
                + "00044d515454" + "05"       // "MQTT", protocol level 5
                + "c0"                        // user name and password, clean start off
                + "003c"                      // keep alive 60 s
                + "08" + "11" + "00093a80"    // properties: session expiry 604800 s
                + "21" + "4e20"               // receive maximum 20000
                + "0006" + hex("grid-1")
                + "0003" + hex("svc")
                + "0002" + hex("pw"));
        connect.release();
    }

    @Test
    void connectWithoutCredentialsSetsNoFlags() {
        ByteBuf connect = MqttPackets.connect(ByteBufAllocator.DEFAULT, new MqttPackets.Connect("c",
                Optional.empty(), Optional.empty(), 30, false, 10, 1));

        assertThat(connect.getUnsignedByte(9)).isZero();
        assertThat(connect.readableBytes()).isEqualTo(2 + 10 + 1 + 8 + 3);
        connect.release();
    }

    @Test
    void subscribeAsksForEveryFilterAtQos1WithRetainedMessagesOnlyForNewSubscriptions() {
        ByteBuf subscribe = MqttPackets.subscribe(ByteBufAllocator.DEFAULT, 1, List.of("a/+", "$share/g/b/#"),
                FeedSubscription.OPTIONS);

        assertThat(ByteBufUtil.hexDump(subscribe)).isEqualTo("82" + "18" + "0001" + "00"
                + "0003" + hex("a/+") + "11" + "000c" + hex("$share/g/b/#") + "11");
        subscribe.release();
    }

    @Test
    void encodesVariableByteIntegersAtTheirBoundaries() {
        for (int value : new int[] {0, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455}) {
            ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
            MqttPackets.writeVariableInt(out, value);
            assertThat(out.readableBytes()).isEqualTo(MqttPackets.variableIntSize(value));
            assertThat(MqttProperties.readVariableInt(out)).isEqualTo(value);
            out.release();
        }
    }

    @Test
    void pubAcksOwedFromOtherThreadsLeaveInOneWriteInOrder() throws InterruptedException {
        EmbeddedChannel channel = new EmbeddedChannel();
        PubAckOutbox outbox = new PubAckOutbox(channel);

        Thread database = new Thread(() -> {
            outbox.acknowledge(1);
            outbox.acknowledge(2);
            outbox.acknowledge(0xABCD);
        });
        database.start();
        database.join();
        channel.runPendingTasks();

        ByteBuf written = channel.readOutbound();
        assertThat(ByteBufUtil.hexDump(written)).isEqualTo("40020001" + "40020002" + "4002abcd");
        assertThat((Object) channel.readOutbound()).isNull();
        written.release();
    }

    @Test
    void pubAcksForAClosedChannelAreDroppedForTheBrokerToRedeliver() {
        EmbeddedChannel channel = new EmbeddedChannel();
        PubAckOutbox outbox = new PubAckOutbox(channel);
        channel.close();
        outbox.acknowledge(5);

        channel.runPendingTasks();

        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void stopsReadingAtCapacityAndResumesBelowThreeQuarters() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InflightLimit limit = new InflightLimit(8, Long.MAX_VALUE);
        limit.attach(channel);

        for (int i = 0; i < 7; i++) {
            limit.taken(1);
        }
        assertThat(channel.config().isAutoRead()).isTrue();
        limit.taken(1);
        assertThat(channel.config().isAutoRead()).isFalse();

        limit.released(1, 1);
        limit.released(1, 1);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).as("6 held: not yet below 6").isFalse();

        limit.released(1, 1);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(limit.held()).isEqualTo(5);
    }

    @Test
    void aNewChannelStartsPausedWhileTheLimitIsReached() {
        InflightLimit limit = new InflightLimit(2, Long.MAX_VALUE);
        limit.attach(new EmbeddedChannel());
        limit.taken(1);
        limit.taken(1);

        EmbeddedChannel reconnected = new EmbeddedChannel();
        limit.attach(reconnected);

        assertThat(reconnected.config().isAutoRead()).isFalse();
        limit.released(1, 1);
        limit.released(1, 1);
        reconnected.runPendingTasks();
        assertThat(reconnected.config().isAutoRead()).isTrue();
    }

    @Test
    void stoppingPausesForGood() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InflightLimit limit = new InflightLimit(4, Long.MAX_VALUE);
        limit.attach(channel);
        limit.taken(1);

        limit.stop();
        channel.runPendingTasks();
        limit.released(1, 1);
        channel.runPendingTasks();

        assertThat(channel.config().isAutoRead()).isFalse();
    }

    @Test
    void stopsReadingAtTheByteCapacityAndResumesOnlyBelowThreeQuartersOfBoth() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InflightLimit limit = new InflightLimit(100, 64 * 1024);
        limit.attach(channel);

        limit.taken(32 * 1024);
        limit.taken(16 * 1024);
        assertThat(channel.config().isAutoRead()).as("48 KiB held, 2 messages").isTrue();
        limit.taken(16 * 1024);
        assertThat(channel.config().isAutoRead()).as("64 KiB held: the byte capacity, far below 100 messages")
                .isFalse();
        assertThat(limit.heldBytes()).isEqualTo(64 * 1024);

        limit.released(1, 16 * 1024);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).as("48 KiB held: not below three quarters (48 KiB)").isFalse();

        limit.released(1, 1);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(limit.held()).isEqualTo(1);
    }

    @Test
    void resumesOnlyWhenMessagesAndBytesAreBothBelowThreeQuarters() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InflightLimit limit = new InflightLimit(4, 1000);
        limit.attach(channel);
        for (int i = 0; i < 4; i++) {
            limit.taken(200);
        }
        assertThat(channel.config().isAutoRead()).as("4 messages: the message capacity").isFalse();

        limit.released(1, 0);
        limit.released(1, 0);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).as("2 messages, but still 800 bytes of 1000").isFalse();

        limit.released(1, 100);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).as("1 message, 700 bytes").isTrue();
    }

    @Test
    void oneMessageLargerThanTheByteCapacityIsTakenAndThenReadingWaitsForIt() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InflightLimit limit = new InflightLimit(100, 1000);
        limit.attach(channel);

        limit.taken(5000);
        assertThat(channel.config().isAutoRead()).isFalse();
        limit.released(1, 5000);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    private static String hex(String text) {
        return ByteBufUtil.hexDump(text.getBytes(StandardCharsets.UTF_8));
    }
}
