package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import city.gridcommand.testing.GridTestResource;
import city.gridcommand.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are held to their endpoint's limit before they are buffered: every endpoint but the
 * grid import to 1 MiB (413 problem+json naming the limit), the grid import to 128 MiB.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class BodyLimitsIntegrationTest {

    private static final int API_LIMIT = 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    /** The rules and the registry are an admin's; a case is created by a dispatcher. */
    private static final String ADMIN = TestTokens.admin();
    private static final String DISPATCHER = TestTokens.dispatcher(TestTokens.DISTRICT);

    /** The header line of a raw request carrying the token. */
    private static String bearer(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    /** A JSON object of exactly {@code size} bytes: {@code json} then spaces, which JSON ignores. */
    private static String padded(String json, int size) {
        return json + " ".repeat(size - json.length());
    }

    @Test
    void refusesABodyOverTheLimitOfASmallEndpointWithProblemJsonNamingTheLimit() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(padded("{\"rules\":[]}", API_LIMIT + 1)).put("/api/v1/rules")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Body too large"))
                .body("field", equalTo("body"))
                .body("limit", equalTo(API_LIMIT))
                .body("instance", equalTo("/api/v1/rules"))
                .body("detail", equalTo("the body of PUT /api/v1/rules may be at most 1048576 bytes"
                        + " (grid.api.max-body-size); this one declares 1048577"));
        given().auth().oauth2(DISPATCHER).contentType(ContentType.JSON).body(padded("{\"category\":\"fire\"}", 3 * API_LIMIT))
                .post("/api/v1/events").then().statusCode(413).body("limit", equalTo(API_LIMIT));
    }

    @Test
    void takesABodyAtTheLimit() {
        // refused for what it says, not for its size
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(padded("{\"rules\":\"none\"}", API_LIMIT)).put("/api/v1/rules")
                .then().statusCode(not(413));
    }

    @Test
    void letsTheGridImportTakeMoreThanTheSmallLimit() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(padded("{\"type\":\"FeatureCollection\",\"features\":[]}", 4 * API_LIMIT))
                .put("/api/v1/grids?dryRun=true").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("errors[0].type", equalTo("no_base_cell"));
    }

    @Test
    void refusesAChunkedBodyOverTheLimitOnceItPassesIt() throws Exception {
        String[][] targets = {{"PUT /api/v1/rules", ADMIN}, {"POST /api/v1/events", DISPATCHER}};
        for (String[] target : targets) {
            try (RawHttp http = new RawHttp(base)) {
                http.send(target[0] + " HTTP/1.1\r\nHost: localhost\r\n" + bearer(target[1])
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                Thread sender = http.sendChunksInBackground(padded("{\"rules\":[]}", 2 * API_LIMIT));

                assertThat(http.statusLine()).as(target[0]).startsWith("HTTP/1.1 413");
                sender.join(30_000);
            }
        }
    }

    @Test
    void takesAChunkedBodyUnderTheLimitWhole() throws Exception {
        String device = "chunked-" + UUID.randomUUID().toString().substring(0, 8);
        String[][] requests = {
            // a blocking endpoint, refusing the rule set for what it says: it read the body whole
            {"PUT /api/v1/rules", "{\"rules\":[{\"type\":\"threshold\",\"id\":\"t\"}]}", "HTTP/1.1 422"},
            {"PUT /api/v1/devices/" + device, "{\"type\":\"sensor\",\"name\":\"Sent in chunks\"}", "HTTP/1.1 201"},
        };
        for (String[] request : requests) {
            try (RawHttp http = new RawHttp(base)) {
                http.send(request[0] + " HTTP/1.1\r\nHost: localhost\r\n" + bearer(ADMIN)
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                http.sendChunksInBackground(request[1]).join(30_000);

                assertThat(http.statusLine()).as(request[0]).startsWith(request[2]);
            }
        }
        given().auth().oauth2(ADMIN).get("/api/v1/devices/" + device).then().statusCode(200).body("name", equalTo("Sent in chunks"));
        given().auth().oauth2(ADMIN).delete("/api/v1/devices/" + device).then().statusCode(204);
    }

    @Test
    void answersAClientThatWaitsToSendItsBodyWithoutWaitingForIt() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            http.send("PUT /api/v1/rules HTTP/1.1\r\nHost: localhost\r\n" + bearer(ADMIN)
                    + "Content-Type: application/json\r\nContent-Length: " + 2 * API_LIMIT
                    + "\r\nExpect: 100-continue\r\n\r\n");

            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
            assertThat(http.headers()).containsEntry("content-type", "application/problem+json")
                    .containsEntry("connection", "close");
            assertThat(http.body()).contains("\"limit\":1048576");
        }
    }

    @Test
    void readsAndDropsABodyAlreadySentSoTheAnswerArrivesAndTheConnectionServesTheNextRequest() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            http.send("PUT /api/v1/rules HTTP/1.1\r\nHost: localhost\r\n" + bearer(ADMIN)
                    + "Content-Type: application/json\r\nContent-Length: " + 2 * API_LIMIT + "\r\n\r\n");
            Thread sender = http.sendInBackground(padded("{\"rules\":[]}", 2 * API_LIMIT));

            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
            assertThat(http.body()).contains("\"field\":\"body\"");
            sender.join(30_000);
            http.send("GET /api/v1/rules HTTP/1.1\r\nHost: localhost\r\n" + bearer(ADMIN) + "\r\n");
            assertThat(http.statusLine()).startsWith("HTTP/1.1 200");
        }
    }
}
