package city.gridcommand.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The set-up of tests that publish signals and watch what the rules make of them: {@link SmallCity}'s grid
 * and the documented default rules ({@code src/main/resources/rules/default-rules.json}) put in force
 * through the REST API by an admin, as an operator would.
 */
public final class SmallCityInForce {

    private SmallCityInForce() {
    }

    /** Puts the small city and the default rules in force on the service under test. */
    public static void withDefaultRules() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(SmallCity.geoJson()).put("/api/v1/grids")
                .then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(defaultRules()).put("/api/v1/rules")
                .then().statusCode(200);
    }

    /** The documented default rule set, as the service ships it. */
    public static String defaultRules() {
        try (InputStream in = SmallCityInForce.class.getResourceAsStream("/rules/default-rules.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
