package city.gridcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import city.gridcommand.signal.SignalSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicAddressTest {

    @Test
    void findsEveryFeedAndItsSender() throws Exception {
        for (SignalSource source : SignalSource.feeds()) {
            TopicAddress address = TopicAddress.parse(source.topicOf("smk-0042"));
            assertThat(address.source()).isEqualTo(source);
            assertThat(address.senderId()).isEqualTo("smk-0042");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid/v2/sensors/a/telemetry", "grid/v1/sensors/a/b/telemetry", "grid/v1/sensors/a",
            "grid/v1/boats/a/telemetry", "grid/v1/sensors/a/location", "other"})
    void refusesTopicsOutsideTheContract(String topic) {
        RejectedMessageException e = catchThrowableOfType(() -> TopicAddress.parse(topic), RejectedMessageException.class);
        assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_TOPIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid/v1/sensors//telemetry", "grid/v1/sensors/a b/telemetry", "grid/v1/sensors/设备/telemetry"})
    void refusesBadSenderIds(String topic) {
        RejectedMessageException e = catchThrowableOfType(() -> TopicAddress.parse(topic), RejectedMessageException.class);
        assertThat(e.reason()).isEqualTo(RejectReason.INVALID_SENDER_ID);
    }
}
