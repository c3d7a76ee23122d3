package city.gridcommand.alerts.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Where a terminal alert goes and what it carries: to a worker whose terminal has a connection of its own,
 * the alert as it is on {@code grid/v1/workers/{workerId}/alerts}; to one whose terminal is behind a gateway,
 * the same alert plus a member {@code "worker":"{workerId}"} on {@code grid/v1/gateways/{gatewayId}/alerts}
 * (docs/contract.md section 2).
 */
record TerminalRoute(String topic, String payload) {

    static final String WORKER_TOPIC = "grid/v1/workers/%s/alerts";
    static final String GATEWAY_TOPIC = "grid/v1/gateways/%s/alerts";
    static final String WORKER_MEMBER = "worker";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    TerminalRoute {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * The route of {@code body} (the alert's wire JSON, an object) to {@code workerId}, behind
     * {@code gatewayId} (null: the terminal has its own connection).
     *
     * @throws IllegalArgumentException when the alert goes through a gateway and the body is not a JSON object
     */
    static TerminalRoute of(String workerId, String gatewayId, String body) {
        if (gatewayId == null) {
            return new TerminalRoute(WORKER_TOPIC.formatted(workerId), body);
        }
        return new TerminalRoute(GATEWAY_TOPIC.formatted(gatewayId), naming(workerId, body));
    }

    /** The body with the member {@code "worker"} added last (replacing one the body might have). */
    private static String naming(String workerId, String body) {
        JsonNode alert;
        try {
            alert = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the alert is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(alert instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the alert is not a JSON object");
        }
        object.remove(WORKER_MEMBER);
        object.put(WORKER_MEMBER, workerId);
        return object.toString();
    }
}
