package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every door checked, from the OpenAPI document the service publishes on its management port, not from a
 * hand-kept list of routes: each path and method refuses an anonymous call with 401 problem+json, and a
 * valid token that carries no role with 403, apart from the two short lists below. A route added without
 * a guard (no {@code @RolesAllowed}, or {@code @PermitAll}/{@code @Authenticated} without being listed
 * here) makes this test fail.
 */
@QuarkusTest
class RouteGuardTest {

    /** The deliberately public routes (the README lists them): the built-in issuer's key and the demo login. */
    static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/auth/jwks",
            "POST /api/v1/auth/login");

    /**
     * Routes any signed-in caller may use, whatever their roles ({@code @Authenticated}); every other route
     * names its roles. Kept short:
     * <ul>
     * <li>the catalogue (departments, categories) and the grid (the map, its versions, locate, one cell, a
     *     cell's children for a map) are the shared reference every screen and person needs to read the rest,
     *     hold no personal data, and are the same for everyone; so are the command screen's settings (its
     *     tile server);</li>
     * <li>{@code GET /api/v1/auth/me} says what the caller's own token says, roles or none.</li>
     * </ul>
     * Events are read by every role of this service (each within its cells), but not by a token with none
     * of them: a provider's token for another application is refused.
     */
    static final Set<String> ANY_SIGNED_IN = Set.of(
            "GET /api/v1/departments",
            "GET /api/v1/categories",
            "GET /api/v1/grids",
            "GET /api/v1/grids/versions",
            "GET /api/v1/grids/locate",
            "GET /api/v1/grids/{code}",
            "GET /api/v1/grids/{code}/children",
            "GET /api/v1/screen/settings",
            "GET /api/v1/auth/me");

    /** Fewer routes than this means the document is not the whole API (there are over 30). */
    private static final int AT_LEAST = 25;

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    private JsonNode document;
    private List<Route> routes;

    @BeforeEach
    void readTheDocument() throws Exception {
        String json = given().queryParam("format", "json").accept("application/json").get(openApi).then()
                .statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
        routes = routes(document);
    }

    @Test
    void theDocumentListsTheWholeApi() {
        assertThat(routes).hasSizeGreaterThanOrEqualTo(AT_LEAST);
        assertThat(routes).extracting(Route::key).contains("GET /api/v1/events", "PUT /api/v1/grids",
                "PUT /api/v1/rules", "POST /api/v1/events/{id}/transitions", "POST /api/v1/deadletters/replay",
                "GET /api/v1/audit");
        // the lists above name only routes that exist: a stale entry would hide nothing but mislead
        assertThat(routes).extracting(Route::key).containsAll(PUBLIC).containsAll(ANY_SIGNED_IN);
    }

    @Test
    void everyRouteButThePublicOnesRefusesAnAnonymousCallWith401ProblemJson() {
        List<String> open = new ArrayList<>();
        for (Route route : routes) {
            if (PUBLIC.contains(route.key())) {
                continue;
            }
            Response response = route.call(given());
            if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")
                    || response.jsonPath().getInt("status") != 401) {
                open.add(route.key() + " -> " + response.statusCode() + " " + response.contentType());
            }
        }
        assertThat(open).as("routes that do not refuse an anonymous call with 401 problem+json").isEmpty();
    }

    @Test
    void everyRouteThatNamesItsRolesRefusesATokenWithoutRolesWith403() {
        String nobody = TestTokens.builder().subject("nobody").cells("*").sign();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            if (PUBLIC.contains(route.key())) {
                continue;
            }
            Response response = route.call(given().auth().oauth2(nobody));
            boolean refused = response.statusCode() == 403
                    && response.contentType().startsWith("application/problem+json");
            if (ANY_SIGNED_IN.contains(route.key()) == refused || response.statusCode() == 401) {
                wrong.add(route.key() + " -> " + response.statusCode()
                        + (ANY_SIGNED_IN.contains(route.key()) ? " (listed as any signed-in)" : " (names its roles)"));
            }
        }
        assertThat(wrong).as("a token without roles: 403 everywhere but the any-signed-in routes, which take it")
                .isEmpty();
    }

    @Test
    void thePublicRoutesAnswerWithoutAToken() {
        for (Route route : routes) {
            if (PUBLIC.contains(route.key())) {
                assertThat(route.call(given()).statusCode()).as(route.key()).isNotIn(401, 403);
            }
        }
    }

    /** One path and method of the document, with what a call needs to reach its method. */
    record Route(String method, String path, String mediaType) {

        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        /** Calls the route with plausible path parameters and, if it takes a body, an empty JSON object. */
        Response call(RequestSpecification request) {
            if (mediaType != null) {
                request = request.contentType(mediaType).body("{}");
            }
            return request.redirects().follow(false).request(method.toUpperCase(Locale.ROOT), concrete());
        }

        private String concrete() {
            Matcher m = PARAMETER.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, switch (m.group(1)) {
                    case "code" -> "440305001001";
                    default -> "1";
                });
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    private static List<Route> routes(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue; // "parameters", "summary" … of the path item
                }
                Iterator<String> media = operation.getValue().path("requestBody").path("content").fieldNames();
                routes.add(new Route(operation.getKey(), path.getKey(), media.hasNext() ? media.next() : null));
            }
        }
        return routes;
    }
}
