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

    @Test
    void findsTheGatewayOfAGatewaysTopicAndTheDeviceOfEachReading() throws Exception {
        assertThat(SignalSource.gatewayFeeds()).containsExactly(SignalSource.TELEMETRY, SignalSource.DETECTION,
                SignalSource.WORKER_ACK, SignalSource.DEVICE_STATUS);
        for (SignalSource source : SignalSource.gatewayFeeds()) {
            TopicAddress address = TopicAddress.parse(source.gatewayTopicOf("lora-7"));
            assertThat(address).isEqualTo(new TopicAddress(source, "lora-7", "lora-7"));
            assertThat(address.viaGateway()).isTrue();
            assertThat(address.reading("smk-1")).isEqualTo(new TopicAddress(source, "smk-1", "lora-7"));
        }
        assertThat(TopicAddress.parse("grid/v1/sensors/smk-1/telemetry").viaGateway()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid/v2/sensors/a/telemetry", "grid/v1/sensors/a/b/telemetry", "grid/v1/sensors/a",
            "grid/v1/boats/a/telemetry", "grid/v1/sensors/a/location", "other", "grid/v1/gateways/g/alerts",
            "grid/v1/gateways/g/location", "grid/v1/gateways/g/reports", "grid/v1/gateways/g"})
    void refusesTopicsOutsideTheContract(String topic) {
        RejectedMessageException e = catchThrowableOfType(() -> TopicAddress.parse(topic), RejectedMessageException.class);
        assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_TOPIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid/v1/sensors//telemetry", "grid/v1/sensors/a b/telemetry", "grid/v1/sensors/设备/telemetry",
            "grid/v1/gateways//telemetry", "grid/v1/gateways/g w/status"})
    void refusesBadSenderIds(String topic) {
        RejectedMessageException e = catchThrowableOfType(() -> TopicAddress.parse(topic), RejectedMessageException.class);
        assertThat(e.reason()).isEqualTo(RejectReason.INVALID_SENDER_ID);
    }
}
