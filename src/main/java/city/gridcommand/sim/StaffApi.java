package city.gridcommand.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few REST calls the simulated staff make ({@code docs/contract.md} section 5), each with the caller's
 * own bearer token: the demo login, the category catalogue, the events in a state, and a transition.
 * JDK {@link HttpClient} and Jackson; one instance is used by one thread.
 */
final class StaffApi {

    /** What the service answered to a transition: the status, and the body (the event after the step or a problem). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status == 200;
        }

        /** The problem's {@code detail} (or the status alone) for a log line. */
        String reason() {
            JsonNode detail = body == null ? null : body.get("detail");
            return status + (detail == null || detail.isNull() ? "" : " " + detail.asText());
        }
    }

    static final int PAGE = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI api;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    StaffApi(URI api) {
        this.api = api;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Signs the demo person in; returns the token.
     *
     * @throws IllegalStateException when the service refuses (the answer's status and detail in the message)
     */
    String login(String user, String password) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("user", user).put("password", password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200 || answer == null || !answer.hasNonNull("token")) {
            throw new IllegalStateException("the service refused the demo login of '" + user + "': "
                    + new Answer(response.statusCode(), answer).reason());
        }
        return answer.get("token").asText();
    }

    /** The department of each category code, from {@code GET /api/v1/categories}. */
    Map<String, String> departments(String token) throws IOException, InterruptedException {
        JsonNode answer = get(token, "/api/v1/categories");
        Map<String, String> departments = new LinkedHashMap<>();
        for (JsonNode category : answer.path("categories")) {
            departments.put(category.path("code").asText(), category.path("department").asText());
        }
        return departments;
    }

    /** Up to {@code pages} pages of the events in {@code state} the token sees, newest first. */
    List<JsonNode> events(String token, String state, int pages) throws IOException, InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        String before = null;
        for (int page = 0; page < pages; page++) {
            String path = "/api/v1/events?state=" + encode(state) + "&limit=" + PAGE
                    + (before == null ? "" : "&before=" + encode(before));
            JsonNode answer = get(token, path);
            answer.path("items").forEach(events::add);
            JsonNode next = answer.get("next");
            if (next == null || next.isNull()) {
                break;
            }
            before = next.asText();
        }
        return events;
    }

    /** {@code POST /api/v1/events/{id}/transitions} with the body; any status is an answer. */
    Answer transition(String token, String id, ObjectNode step) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(resolve("/api/v1/events/" + encode(id)
                + "/transitions")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(step.toString())).build());
        return new Answer(response.statusCode(), parse(response.body()));
    }

    ObjectNode step(String action) {
        return json.createObjectNode().put("action", action);
    }

    private JsonNode get(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(resolve(path))
                .header("Authorization", "Bearer " + token).GET().build());
        if (response.statusCode() == 401) {
            throw new Unauthorized();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + new Answer(response.statusCode(),
                    parse(response.body())).reason());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI resolve(String path) {
        String base = api.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A token the service no longer takes (expired): the caller signs in again. */
    static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super("401", null, false, false);
        }
    }
}
