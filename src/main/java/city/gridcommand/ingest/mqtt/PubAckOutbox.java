package city.gridcommand.ingest.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * The PUBACKs owed on one broker connection. Acknowledgements come from the database's threads a batch at
 * a time; they are collected here and written by the connection's event loop in one buffer and one flush,
 * instead of one task and one system call per message.
 *
 * <p>An outbox belongs to one channel: packet ids mean nothing on the next connection. Acknowledgements
 * that arrive after the channel closed are dropped; the broker redelivers those messages and the database
 * recognises them as duplicates.
 */
final class PubAckOutbox implements Runnable {

    private final Channel channel;
    private int[] packetIds = new int[256];
    private int size;
    private boolean flushScheduled;

    PubAckOutbox(Channel channel) {
        this.channel = channel;
    }

    /** Owes a PUBACK for {@code packetId}; called from any thread. */
    void acknowledge(int packetId) {
        boolean schedule;
        synchronized (this) {
            if (size == packetIds.length) {
                packetIds = java.util.Arrays.copyOf(packetIds, size * 2);
            }
            packetIds[size++] = packetId;
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            channel.eventLoop().execute(this);
        }
    }

    /** Writes every PUBACK owed so far, on the channel's event loop. */
    @Override
    public void run() {
        int[] ids;
        int count;
        synchronized (this) {
            ids = packetIds;
            count = size;
            packetIds = new int[Math.max(256, Integer.highestOneBit(Math.max(1, count)) * 2)];
            size = 0;
            flushScheduled = false;
        }
        if (count == 0 || !channel.isActive()) {
            return;
        }
        ByteBuf out = channel.alloc().buffer(count * MqttPackets.PUBACK_BYTES);
        for (int i = 0; i < count; i++) {
            MqttPackets.writePubAck(out, ids[i]);
        }
        channel.writeAndFlush(out, channel.voidPromise());
    }
}
