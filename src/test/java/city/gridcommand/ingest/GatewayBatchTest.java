package city.gridcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.signal.SignalSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayBatchTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void keepsEachReadingAsTheBytesItStandsInThePayload() throws Exception {
        String first = "{\"ts\":1,\"seq\":1,\"metrics\":{\"smoke\":0.5}}";
        String second = "{ \"seq\" : 2, \"ts\":2,\"metrics\":{\"smoke\":\"é\"} }";
        String third = "{\"ts\":3,\"seq\":3,\"metrics\":{\"t\":1},\"lat\":22.5,\"lon\":114.0}";
        String payload = "{\"gateway\":\"ignored\",\"devices\":{\"smk-1\":[" + first + " , " + second + "],\n"
                + " \"smk-2\" : [" + third + "]}}";

        List<GatewayBatch.Entry> entries = GatewayBatch.entries(SignalSource.TELEMETRY, bytes(payload));

        assertThat(entries).extracting(GatewayBatch.Entry::senderId).containsExactly("smk-1", "smk-2");
        assertThat(entries.get(0).readings()).extracting(GatewayBatchTest::text).containsExactly(first, second);
        assertThat(entries.get(1).readings()).extracting(GatewayBatchTest::text).containsExactly(third);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.problem()).isNull());
    }

    @Test
    void scalarsAndArraysInPlaceOfAReadingAreSlicedWholeForTheDecoderToRefuse() throws Exception {
        String payload = "{\"devices\":{\"a\":[42, \"text\", [1,2], null, {\"ts\":1}]}}";

        List<byte[]> readings = GatewayBatch.entries(SignalSource.TELEMETRY, bytes(payload)).get(0).readings();

        assertThat(readings).extracting(GatewayBatchTest::text)
                .containsExactly("42", "\"text\"", "[1,2]", "null", "{\"ts\":1}");
    }

    @Test
    void anEntryThatIsNotAnArrayOrHasABadIdIsRefusedAloneAndTheOthersStand() throws Exception {
        String payload = "{\"devices\":{\"a\":{\"ts\":1},\"bad id\":[{\"ts\":1}],\"b\":[{\"ts\":2}]}}";

        List<GatewayBatch.Entry> entries = GatewayBatch.entries(SignalSource.TELEMETRY, bytes(payload));

        assertThat(entries.get(0).problem().reason()).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(entries.get(0).problem().detail()).contains("devices.a");
        assertThat(text(entries.get(0).raw())).isEqualTo("{\"ts\":1}");
        assertThat(entries.get(1).problem().reason()).isEqualTo(RejectReason.INVALID_SENDER_ID);
        assertThat(entries.get(2).problem()).isNull();
        assertThat(entries.get(2).readings()).hasSize(1);
    }

    @Test
    void theWholeBatchIsRefusedWhenItCannotBeTakenApart() {
        assertReason("", RejectReason.MALFORMED_JSON);
        assertReason("{\"devices\":{\"a\":[{\"ts\":1},]}}", RejectReason.MALFORMED_JSON);
        assertReason("{\"devices\":{\"a\":[{\"ts\":NaN}]}}", RejectReason.MALFORMED_JSON);
        assertReason("{\"devices\":{}} trailing", RejectReason.MALFORMED_JSON);
        assertReason("[1,2]", RejectReason.NOT_AN_OBJECT);
        assertReason("{\"readings\":[]}", RejectReason.MISSING_FIELD);
        assertReason("{\"devices\":null}", RejectReason.MISSING_FIELD);
        assertReason("{\"devices\":[{\"ts\":1}]}", RejectReason.WRONG_TYPE);
        assertReason("{\"devices\":{}}", RejectReason.INVALID_VALUE);
        assertReason("{\"devices\":{\"a\":[],\"b\":[]}}", RejectReason.INVALID_VALUE);
    }

    @Test
    void acksOfTerminalsComeUnderWorkers() throws Exception {
        String payload = "{\"devices\":{\"x\":[{}]},\"workers\":{\"w-1\":[{\"ts\":1,\"alertId\":\"a1\"}]}}";

        List<GatewayBatch.Entry> entries = GatewayBatch.entries(SignalSource.WORKER_ACK, bytes(payload));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.senderId()).isEqualTo("w-1");
            assertThat(entry.readings()).extracting(GatewayBatchTest::text)
                    .containsExactly("{\"ts\":1,\"alertId\":\"a1\"}");
        });
    }

    @Test
    void aReadingAloneIsABatchOfOneThatTakesApartToTheSameBytes() throws Exception {
        String reading = "{\"ts\":1,\"seq\":7,\"metrics\":{\"t\":1}}";

        byte[] alone = GatewayBatch.alone(SignalSource.TELEMETRY, "smk-1", bytes(reading));

        assertThat(text(alone)).isEqualTo("{\"devices\":{\"smk-1\":[" + reading + "]}}");
        assertThat(text(GatewayBatch.alone(SignalSource.TELEMETRY, "a\"b", bytes("{}")))).as("the id quoted")
                .isEqualTo("{\"devices\":{\"a\\\"b\":[{}]}}");
        List<GatewayBatch.Entry> again = GatewayBatch.entries(SignalSource.TELEMETRY, alone);
        assertThat(again).singleElement().satisfies(entry -> {
            assertThat(entry.senderId()).isEqualTo("smk-1");
            assertThat(entry.readings()).extracting(GatewayBatchTest::text).containsExactly(reading);
        });
    }

    private static void assertReason(String payload, RejectReason reason) {
        assertThatThrownBy(() -> GatewayBatch.entries(SignalSource.TELEMETRY, bytes(payload)))
                .as(payload).isInstanceOfSatisfying(RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
