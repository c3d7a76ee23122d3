package city.gridcommand.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerAck;
import city.gridcommand.signal.WorkerPosition;
import city.gridcommand.signal.WorkerReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalDecoderTest {

    private static final long NOW = 1_732_200_000_000L;
    private final SignalDecoder decoder = new SignalDecoder(
            new IngestLimits(1024, Duration.ofMinutes(5), Duration.ofDays(7)), () -> NOW);

    private Object decode(SignalSource source, String json) throws RejectedMessageException {
        return decoder.decode(new TopicAddress(source, "dev-1"), json.getBytes(StandardCharsets.UTF_8), NOW + 5);
    }

    private RejectedMessageException rejection(SignalSource source, String json) {
        try {
            decode(source, json);
        } catch (RejectedMessageException e) {
            return e;
        }
        throw new AssertionError("expected a rejection of " + json);
    }

    @Test
    void decodesTelemetryWithAndWithoutPosition() throws Exception {
        Telemetry fixed = (Telemetry) decode(SignalSource.TELEMETRY,
                "{\"ts\":" + NOW + ",\"seq\":42,\"metrics\":{\"smoke\":0.62,\"temp\":41.5}}");
        assertThat(fixed.seq()).isEqualTo(42);
        assertThat(fixed.metrics()).containsEntry("smoke", 0.62).containsEntry("temp", 41.5);
        assertThat(fixed.position()).isNull();
        assertThat(fixed.receivedAt()).isEqualTo(NOW + 5);

        Telemetry mobile = (Telemetry) decode(SignalSource.TELEMETRY,
                "{\"ts\":" + NOW + ",\"seq\":1,\"metrics\":{\"pm25\":12},\"lat\":22.54,\"lon\":114.06}");
        assertThat(mobile.position().lat()).isEqualTo(22.54);
        assertThat(mobile.position().lon()).isEqualTo(114.06);
    }

    @Test
    void keepsDetectionsOfUnknownKindsAndMarksThem() throws Exception {
        Detection known = (Detection) decode(SignalSource.DETECTION,
                "{\"ts\":" + NOW + ",\"seq\":3,\"kind\":\"fire\",\"confidence\":0.93,\"snapshotUrl\":\"https://x/1.jpg\"}");
        assertThat(known.knownKind()).isTrue();
        assertThat(known.snapshotUrl()).isEqualTo("https://x/1.jpg");
        Detection unknown = (Detection) decode(SignalSource.DETECTION,
                "{\"ts\":" + NOW + ",\"seq\":4,\"kind\":\"drone\",\"confidence\":0.5}");
        assertThat(unknown.knownKind()).isFalse();
        assertThat(unknown.kind()).isEqualTo("drone");
    }

    @Test
    void decodesWorkerFeeds() throws Exception {
        WorkerPosition position = (WorkerPosition) decode(SignalSource.WORKER_LOCATION,
                "{\"ts\":" + NOW + ",\"seq\":9,\"lat\":22.5,\"lon\":114.1,\"accuracy\":8.5,\"battery\":0.71}");
        assertThat(position.accuracy()).isEqualTo(8.5);
        assertThat(position.battery()).isEqualTo(0.71);

        WorkerReport report = (WorkerReport) decode(SignalSource.WORKER_REPORT, "{\"ts\":" + NOW
                + ",\"reportId\":\"6f1c2a52-8d7e-4f6b-9a55-0c8d1f2e3a4b\",\"category\":\"exposed_garbage\","
                + "\"description\":\"垃圾外溢\",\"lat\":22.5,\"lon\":114.1,\"photos\":[\"https://p/1.jpg\"],"
                + "\"severity\":\"YELLOW\"}");
        assertThat(report.description()).isEqualTo("垃圾外溢");
        assertThat(report.photos()).containsExactly("https://p/1.jpg");
        assertThat(report.severity()).isEqualTo(Severity.YELLOW);

        WorkerAck alertAck = (WorkerAck) decode(SignalSource.WORKER_ACK, "{\"ts\":" + NOW + ",\"alertId\":\"a-1\"}");
        assertThat(alertAck.target()).isEqualTo("a-1");
        WorkerAck eventAck = (WorkerAck) decode(SignalSource.WORKER_ACK,
                "{\"ts\":" + NOW + ",\"eventId\":\"e-1\",\"action\":\"accept\"}");
        assertThat(eventAck.action()).isEqualTo("accept");

        DeviceStatus status = (DeviceStatus) decode(SignalSource.DEVICE_STATUS, "{\"ts\":" + NOW + ",\"online\":false}");
        assertThat(status.online()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad syntax            | {"ts":1,                                            | MALFORMED_JSON  |
            NaN is not JSON       | {"ts":NOW,"seq":1,"metrics":{"t":NaN}}              | MALFORMED_JSON  |
            trailing garbage      | {"ts":NOW,"seq":1,"metrics":{"t":1}} x              | MALFORMED_JSON  |
            array                 | [1,2]                                               | NOT_AN_OBJECT   |
            missing seq           | {"ts":NOW,"metrics":{"t":1}}                        | MISSING_FIELD   | 'seq'
            null metrics          | {"ts":NOW,"seq":1,"metrics":null}                   | MISSING_FIELD   | 'metrics'
            seq as string         | {"ts":NOW,"seq":"1","metrics":{"t":1}}              | WRONG_TYPE      | 'seq'
            fractional seq        | {"ts":NOW,"seq":1.5,"metrics":{"t":1}}              | WRONG_TYPE      | 'seq'
            negative seq          | {"ts":NOW,"seq":-1,"metrics":{"t":1}}               | INVALID_VALUE   | 'seq'
            metric as string      | {"ts":NOW,"seq":1,"metrics":{"t":"hot"}}            | WRONG_TYPE      | 'metrics.t'
            infinite metric       | {"ts":NOW,"seq":1,"metrics":{"t":1e400}}            | INVALID_VALUE   | 'metrics.t'
            no metrics            | {"ts":NOW,"seq":1,"metrics":{}}                     | INVALID_VALUE   | 'metrics'
            lat out of range      | {"ts":NOW,"seq":1,"metrics":{"t":1},"lat":95,"lon":1}   | COORDINATE_OUT_OF_RANGE | 'lat'
            lon out of range      | {"ts":NOW,"seq":1,"metrics":{"t":1},"lat":9,"lon":-181} | COORDINATE_OUT_OF_RANGE | 'lon'
            lat without lon       | {"ts":NOW,"seq":1,"metrics":{"t":1},"lat":9}        | MISSING_FIELD   | 'lon'
            ts in the future      | {"ts":FUTURE,"seq":1,"metrics":{"t":1}}             | IMPLAUSIBLE_TIMESTAMP | 'ts'
            ts too old            | {"ts":OLD,"seq":1,"metrics":{"t":1}}                | IMPLAUSIBLE_TIMESTAMP | 'ts'
            """)
    void refusesBadTelemetryNamingTheField(String name, String json, RejectReason reason, String field) {
        String payload = json.replace("NOW", Long.toString(NOW))
                .replace("FUTURE", Long.toString(NOW + Duration.ofHours(1).toMillis()))
                .replace("OLD", Long.toString(NOW - Duration.ofDays(8).toMillis()));
        RejectedMessageException e = rejection(SignalSource.TELEMETRY, payload);
        assertThat(e.reason()).isEqualTo(reason);
        if (field != null) {
            assertThat(e.detail()).contains(field);
        }
    }

    @Test
    void refusesBadValuesOfTheOtherFeeds() {
        assertThat(rejection(SignalSource.DETECTION, "{\"ts\":" + NOW + ",\"seq\":1,\"kind\":\"fire\",\"confidence\":1.5}")
                .detail()).contains("'confidence'");
        assertThat(rejection(SignalSource.WORKER_REPORT, "{\"ts\":" + NOW
                + ",\"reportId\":\"nope\",\"category\":\"c\",\"lat\":1,\"lon\":1}").detail()).contains("'reportId'");
        assertThat(rejection(SignalSource.WORKER_REPORT, "{\"ts\":" + NOW + ",\"reportId\":\""
                + java.util.UUID.randomUUID() + "\",\"category\":\"c\",\"lat\":1,\"lon\":1,\"severity\":\"PURPLE\"}")
                .detail()).contains("GREEN, YELLOW, RED");
        assertThat(rejection(SignalSource.WORKER_ACK, "{\"ts\":" + NOW + "}").reason())
                .isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(rejection(SignalSource.WORKER_ACK, "{\"ts\":" + NOW + ",\"eventId\":\"e\"}").detail())
                .contains("'action'");
        assertThat(rejection(SignalSource.DEVICE_STATUS, "{\"ts\":" + NOW + ",\"online\":\"no\"}").reason())
                .isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(rejection(SignalSource.TELEMETRY, "{\"ts\":" + NOW + ",\"seq\":1,\"metrics\":{\"a\\u0000\":1}}")
                .reason()).isEqualTo(RejectReason.INVALID_VALUE);
    }

    @Test
    void takesALastWillStampedWithAConnectTimeOlderThanTheMaximumAgeButNoStatusFromTheFuture() throws Exception {
        long connectedLongAgo = NOW - Duration.ofDays(30).toMillis();
        DeviceStatus will = (DeviceStatus) decode(SignalSource.DEVICE_STATUS,
                "{\"ts\":" + connectedLongAgo + ",\"online\":false}");

        assertThat(will.ts()).isEqualTo(connectedLongAgo);
        assertThat(rejection(SignalSource.DEVICE_STATUS, "{\"ts\":" + (NOW + Duration.ofHours(1).toMillis())
                + ",\"online\":true}").reason()).isEqualTo(RejectReason.IMPLAUSIBLE_TIMESTAMP);
        assertThat(rejection(SignalSource.DETECTION, "{\"ts\":" + connectedLongAgo
                + ",\"seq\":1,\"kind\":\"fire\",\"confidence\":0.9}").reason())
                .as("every other feed keeps its maximum age").isEqualTo(RejectReason.IMPLAUSIBLE_TIMESTAMP);
    }

    @Test
    void refusesOversizedPayloadsBeforeParsing() {
        byte[] huge = new byte[1025];
        assertThatThrownBy(() -> decoder.decode(new TopicAddress(SignalSource.TELEMETRY, "d"), huge, NOW))
                .isInstanceOfSatisfying(RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.OVERSIZED_PAYLOAD));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"ts\":1,\"seq\":1,\"metrics\":{\"t\u00e9\":1}}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> decoder.decode(new TopicAddress(SignalSource.TELEMETRY, "d"), latin1, NOW))
                .isInstanceOfSatisfying(RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_JSON));
    }
}
