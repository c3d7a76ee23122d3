package city.gridcommand.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar … token}: the token it prints verifies with the key file it made (issuer, audience,
 * subject, roles, cells, unit, expiry as asked); bad arguments exit with status 2 and the reason, and
 * leave no key behind.
 */
class TokenCommandTest {

    @TempDir
    Path folder;

    private Path keyFile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * The settings the command reads from system properties. A @QuarkusTest that ran before in this JVM may
     * have left its profile's values there (Quarkus restores them only when its application stops), so
     * each test starts from none and gives the previous values back.
     */
    private static final List<String> SETTINGS = List.of("grid.auth.signing-key", "grid.auth.builtin-issuer",
            "grid.auth.audience", "grid.auth.roles-claim", "grid.auth.cells-claim", "grid.auth.unit-claim",
            "grid.data-dir");
    private final Map<String, String> previous = new HashMap<>();

    @BeforeEach
    void pointTheCommandAtAFreshKeyFile() {
        for (String name : SETTINGS) {
            String value = System.clearProperty(name);
            if (value != null) {
                previous.put(name, value);
            }
        }
        keyFile = folder.resolve("identity").resolve("signing-key.jwk");
        System.setProperty("grid.auth.signing-key", keyFile.toString());
    }

    @AfterEach
    void giveTheSettingsBack() {
        SETTINGS.forEach(System::clearProperty);
        previous.forEach(System::setProperty);
    }

    private int run(String... args) {
        return TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private String complaint() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private JwtClaims verified(String token) throws Exception {
        SigningKey key = SigningKey.fromJson(Files.readString(keyFile));
        return new JwtConsumerBuilder().setVerificationKey(key.publicKey()).setExpectedIssuer("grid-command")
                .setExpectedAudience("grid-command").setRequireSubject().setRequireExpirationTime().build()
                .processToClaims(token);
    }

    @Test
    void printsATokenThatVerifiesWithTheKeyFileItMade() throws Exception {
        Instant before = Instant.now();
        assertThat(run("--user", "d1", "--role", "dispatcher", "--cells", "440305001,440305002")).isZero();

        assertThat(keyFile).exists();
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(printed()).doesNotContain("\n").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        JwtClaims claims = verified(printed());
        assertThat(claims.getSubject()).isEqualTo("d1");
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("dispatcher");
        assertThat(claims.getStringListClaimValue("cells")).containsExactly("440305001", "440305002");
        assertThat(claims.hasClaim("unit")).isFalse();
        Instant expires = Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis());
        assertThat(expires).isBetween(before.plus(Duration.ofHours(8)).minusSeconds(1),
                Instant.now().plus(Duration.ofHours(8)).plusSeconds(1));
    }

    @Test
    void theUnitSeveralRolesAndTheLifetimeAreAsAsked() throws Exception {
        Instant before = Instant.now();
        assertThat(run("--user=h1", "--role=handler,Leader", "--cells=*", "--unit=dept-fire", "--ttl=30m")).isZero();

        JwtClaims claims = verified(printed());
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("handler", "leader");
        assertThat(claims.getStringListClaimValue("cells")).isEqualTo(List.of("*"));
        assertThat(claims.getStringClaimValue("unit")).isEqualTo("dept-fire");
        assertThat(Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()))
                .isBetween(before.plus(Duration.ofMinutes(30)).minusSeconds(1), Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(1));
    }

    @Test
    void aRolesClaimPathIsWrittenNestedAsTheServiceReadsIt() throws Exception {
        System.setProperty("grid.auth.roles-claim", "realm_access/roles");
        assertThat(run("--user", "d1", "--role", "dispatcher", "--cells", "440305")).isZero();

        JwtClaims claims = verified(printed());
        assertThat(claims.getClaimValue("realm_access", Map.class)).isEqualTo(Map.of("roles", List.of("dispatcher")));
        assertThat(claims.hasClaim("realm_access/roles")).isFalse();
    }

    @Test
    void aSecondRunSignsWithTheSameKey() throws Exception {
        assertThat(run("--user", "a", "--role", "admin", "--cells", "*")).isZero();
        String first = printed();
        out.reset();
        assertThat(run("--user", "b", "--role", "screen", "--cells", "440305")).isZero();
        assertThat(verified(first).getSubject()).isEqualTo("a");
        assertThat(verified(printed()).getSubject()).isEqualTo("b");
    }

    @Test
    void aTokenOfAnotherKeyDoesNotVerify() throws Exception {
        Path other = folder.resolve("other.jwk");
        System.setProperty("grid.auth.signing-key", other.toString());
        assertThat(run("--user", "x", "--role", "admin", "--cells", "*")).isZero();
        System.setProperty("grid.auth.signing-key", keyFile.toString());
        SigningKey.loadOrCreate(keyFile);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verified(printed()))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void anUnknownRoleIsRefusedWithStatus2() {
        assertThat(run("--user", "d1", "--role", "boss", "--cells", "440305")).isEqualTo(2);
        assertThat(complaint()).contains("--role: unknown role 'boss'");
        refusedWithoutAToken();
    }

    @Test
    void aCellThatIsNoCodeIsRefusedWithStatus2() {
        assertThat(run("--user", "d1", "--role", "dispatcher", "--cells", "440305,street-a")).isEqualTo(2);
        assertThat(complaint()).contains("'street-a' is neither '*' nor a cell code");
        refusedWithoutAToken();
    }

    @Test
    void aBadLifetimeIsRefusedWithStatus2() {
        assertThat(run("--user", "d1", "--role", "dispatcher", "--cells", "440305", "--ttl", "5 weeks")).isEqualTo(2);
        assertThat(complaint()).contains("--ttl: '5 weeks'");
        err.reset();
        assertThat(run("--user", "d1", "--role", "dispatcher", "--cells", "440305", "--ttl", "0h")).isEqualTo(2);
        assertThat(complaint()).contains("--ttl must be positive");
        refusedWithoutAToken();
    }

    @Test
    void aMissingOrUnknownOptionIsRefusedWithStatus2() {
        assertThat(run("--role", "dispatcher", "--cells", "440305")).isEqualTo(2);
        assertThat(complaint()).contains("--user is required");
        err.reset();
        assertThat(run("--user", "d1", "--role", "dispatcher", "--cells", "440305", "--admin", "yes")).isEqualTo(2);
        assertThat(complaint()).contains("unknown option --admin");
        refusedWithoutAToken();
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(printed()).startsWith("usage: token --user NAME --role ROLE");
        assertThat(keyFile).doesNotExist();
    }

    private void refusedWithoutAToken() {
        assertThat(printed()).isEmpty();
        assertThat(complaint()).contains("usage: token");
        assertThat(keyFile).as("nothing is written for a refused command").doesNotExist();
    }
}
