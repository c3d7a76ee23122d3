package city.gridcommand.alerts.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Where a terminal alert goes: a terminal with its own connection gets the body as it is on its own topic;
 * one behind a gateway gets it on the gateway's topic, every member kept as it was and {@code "worker"} added.
 */
class TerminalRouteTest {

    private static final String BODY = "{\"type\":\"alert\",\"alertId\":\"3f0c\",\"kind\":\"alert\",\"reason\":\"raised\","
            + "\"person\":\"w-0012\",\"cell\":\"440305001002005\",\"cellPath\":[\"440305\",\"440305001\"],"
            + "\"severity\":\"RED\",\"events\":[{\"id\":\"e-1\",\"category\":\"fire\",\"trigger\":{\"source\":"
            + "\"sensor\",\"id\":\"smk-1\",\"ts\":1732200000000,\"lat\":22.515,\"note\":\"火警 \\\"A\\\"\"}}],"
            + "\"step\":1,\"round\":1,\"ackBy\":1732200300000,\"ts\":1732200000420}";

    @Test
    void aTerminalWithItsOwnConnectionGetsTheBodyAsItIsOnItsOwnTopic() {
        TerminalRoute route = TerminalRoute.of("w-0012", null, BODY);

        assertThat(route.topic()).isEqualTo("grid/v1/workers/w-0012/alerts");
        assertThat(route.payload()).isSameAs(BODY);
    }

    @Test
    void aTerminalBehindAGatewayGetsTheSameAlertNamingItOnTheGatewaysTopic() throws Exception {
        TerminalRoute route = TerminalRoute.of("w-0012", "gw-x", BODY);

        assertThat(route.topic()).isEqualTo("grid/v1/gateways/gw-x/alerts");
        JsonNode sent = JsonMapper.builder().build().readTree(route.payload());
        ObjectNode expected = (ObjectNode) JsonMapper.builder().build().readTree(BODY);
        expected.put("worker", "w-0012");
        assertThat(sent).isEqualTo(expected);
        assertThat(route.payload()).startsWith(BODY.substring(0, BODY.length() - 1))
                .endsWith(",\"worker\":\"w-0012\"}");
    }

    @Test
    void aWorkerMemberTheBodyAlreadyHadIsReplacedNotRepeated() {
        TerminalRoute route = TerminalRoute.of("w-7", "gw-x", "{\"worker\":\"someone-else\",\"kind\":\"update\"}");

        assertThat(route.payload()).isEqualTo("{\"kind\":\"update\",\"worker\":\"w-7\"}");
    }

    @Test
    void aBodyThatIsNotAJsonObjectCannotGoThroughAGateway() {
        assertThatThrownBy(() -> TerminalRoute.of("w-7", "gw-x", "[1,2]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> TerminalRoute.of("w-7", "gw-x", "{\"kind\":"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }
}
