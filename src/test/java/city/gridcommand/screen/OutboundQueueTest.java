package city.gridcommand.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    @Test
    void keptMessagesLeaveInOrderAndAreRefusedPastTheBounds() {
        OutboundQueue queue = new OutboundQueue(3, 1000);
        assertThat(queue.offerKept("a", false)).isTrue();
        assertThat(queue.offerKept("b", false)).isTrue();
        assertThat(queue.offerKept("c", false)).isTrue();
        assertThat(queue.offerKept("d", false)).as("a fourth message").isFalse();
        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.offerKept("d", false)).isTrue();
        assertThat(queue.poll()).isEqualTo("b");
        assertThat(queue.poll()).isEqualTo("c");
        assertThat(queue.poll()).isEqualTo("d");
        assertThat(queue.poll()).isNull();
    }

    @Test
    void bytesBoundTheQueueToo() {
        OutboundQueue queue = new OutboundQueue(100, 10);
        assertThat(queue.offerKept("12345", false)).isTrue();
        assertThat(queue.offerKept("123456", false)).isFalse();
        assertThat(queue.offerKept("12345", false)).isTrue();
        assertThat(queue.bytes()).isEqualTo(10);
        assertThat(queue.offerKept("网格", true)).as("a forced message is taken whatever its size").isTrue();
        assertThat(queue.bytes()).isEqualTo(16);
    }

    @Test
    void theLatestEphemeralReplacesTheWaitingOneInItsPlace() {
        OutboundQueue queue = new OutboundQueue(10, 1000);
        queue.offerKept("event-1", false);
        for (int i = 0; i < 500; i++) {
            queue.offerLatest("worker:w1", "w1 at " + i);
        }
        queue.offerKept("event-2", false);
        queue.offerLatest("worker:w1", "w1 at last");
        assertThat(queue.messages()).isEqualTo(3);
        assertThat(queue.poll()).isEqualTo("event-1");
        assertThat(queue.poll()).isEqualTo("w1 at last");
        assertThat(queue.poll()).isEqualTo("event-2");
        assertThat(queue.bytes()).isZero();
    }

    @Test
    void anEphemeralThatDoesNotFitIsDropped() {
        OutboundQueue queue = new OutboundQueue(2, 1000);
        queue.offerKept("event-1", false);
        assertThat(queue.offerLatest("worker:w1", "w1")).isTrue();
        assertThat(queue.offerLatest("worker:w2", "w2")).isFalse();
        assertThat(queue.offerLatest("worker:w1", "w1 again")).as("a replacement always fits in count").isTrue();
        assertThat(queue.messages()).isEqualTo(2);
    }
}
