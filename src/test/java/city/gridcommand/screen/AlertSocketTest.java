package city.gridcommand.screen;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.alerts.AckResult;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One {@code /ws/v1/alerts} socket and its messages: alerts arriving while the open ones are read come after
 * them, in order; what a person sends is an ack or an error naming the field; an ack's result in wire words.
 */
class AlertSocketTest {

    private final List<String> sent = new ArrayList<>();
    private final List<String> closes = new ArrayList<>();
    private final AlertSocket socket = new AlertSocket("c-1", "disp-1", new AlertSocket.Sink() {
        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public void close(int code, String reason) {
            closes.add(code + " " + reason);
        }
    }, 0);

    @Test
    void alertsArrivingWhileOpeningComeAfterTheOpenOnesThenStraightOut() {
        socket.offer("live-1");
        socket.offer("live-2");
        assertThat(sent).isEmpty();
        socket.opened(List.of("open-1", "open-2"));
        assertThat(sent).containsExactly("open-1", "open-2", "live-1", "live-2");
        socket.offer("live-3");
        assertThat(sent).endsWith("live-3");
        socket.opened(List.of("late"));
        assertThat(sent).as("opened once").doesNotContain("late");
    }

    @Test
    void tooManyAlertsWhileOpeningCloseTheSocketAndNothingIsSentAfter() {
        for (int i = 0; i <= AlertSocket.MOST_HELD; i++) {
            socket.offer("live-" + i);
        }
        assertThat(closes).containsExactly("4408 too many alerts while opening; reconnect");
        socket.opened(List.of("open-1"));
        socket.offer("more");
        assertThat(sent).isEmpty();
    }

    @Test
    void anAckIsReadAndAnythingElseNamesTheFieldAtFault() {
        assertThat(AlertSocketMessages.parse("{\"type\":\"ack\",\"alertId\":\"a-1\"}"))
                .isEqualTo(new AlertSocketMessages.Ack("a-1"));
        assertThat(AlertSocketMessages.parse("not json")).isEqualTo(
                new AlertSocketMessages.Refused("message", "not a JSON object"));
        assertThat(AlertSocketMessages.parse("[1,2]")).isInstanceOf(AlertSocketMessages.Refused.class)
                .extracting(r -> ((AlertSocketMessages.Refused) r).field()).isEqualTo("message");
        assertThat(field("{\"alertId\":\"a-1\"}")).isEqualTo("type");
        assertThat(field("{\"type\":\"subscribe\"}")).isEqualTo("type");
        assertThat(field("{\"type\":\"ack\"}")).isEqualTo("alertId");
        assertThat(field("{\"type\":\"ack\",\"alertId\":42}")).isEqualTo("alertId");
        assertThat(field("{\"type\":\"ack\",\"alertId\":\" \"}")).isEqualTo("alertId");
        assertThat(field("{\"type\":\"ack\",\"alertId\":\"" + "x".repeat(129) + "\"}")).isEqualTo("alertId");
    }

    @Test
    void anAckResultAndAnErrorInWireWords() {
        JsonObject result = new JsonObject(AlertSocketMessages.ackResult(
                new AckResult(AckResult.Status.ALREADY_ACKED, "a-1")));
        assertThat(result.getString("type")).isEqualTo("ack.result");
        assertThat(result.getString("alertId")).isEqualTo("a-1");
        assertThat(result.getString("status")).isEqualTo("already_acked");
        JsonObject error = new JsonObject(AlertSocketMessages.error("alertId", "needed"));
        assertThat(error.getMap()).containsEntry("type", "error").containsEntry("field", "alertId")
                .containsEntry("detail", "needed");
        assertThat(new JsonObject(AlertSocketMessages.error(null, "x")).containsKey("field")).isFalse();
        assertThat(AlertsEndpoint.ticket("a=b&ticket=t%2Bx.y")).isEqualTo("t+x.y");
        assertThat(AlertsEndpoint.ticket("a=b")).isNull();
        assertThat(AlertsEndpoint.ticket(null)).isNull();
    }

    private static String field(String text) {
        return ((AlertSocketMessages.Refused) AlertSocketMessages.parse(text)).field();
    }
}
