package city.gridcommand.testing;

import city.gridcommand.signin.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Real signed tokens for tests: an RSA key made here (once per test JVM) is written as the service's
 * signing key ({@link GridTestResource}), so the service verifies these tokens exactly as it verifies its
 * own. {@link #builder()} also makes the bad ones: expired, another issuer or audience, another key.
 */
public final class TestTokens {

    public static final String ISSUER = "grid-command";
    public static final String AUDIENCE = "grid-command";
    /** The district of the test grids ({@link city.gridcommand.geo.GridFixture}). */
    public static final String DISTRICT = "440305";

    private static final RsaJsonWebKey KEY = generate();
    private static final RsaJsonWebKey STRANGER = generate();

    private TestTokens() {
    }

    /** Writes the tests' key where the service reads its signing key. */
    public static void writeKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, KEY.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            SigningKey.fromJson(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An admin of the whole city. */
    public static String admin() {
        return builder().subject("admin-1").roles("admin").cells("*").sign();
    }

    /** A dispatcher of the centre of these cells (a district, a street…). */
    public static String dispatcher(String... cells) {
        return builder().subject("disp-" + String.join("-", cells)).roles("dispatcher").cells(cells).sign();
    }

    /** A supervisor of these cells. */
    public static String supervisor(String... cells) {
        return builder().subject("sup-" + String.join("-", cells)).roles("supervisor").cells(cells).sign();
    }

    /** A department's staff member. */
    public static String handler(String subject, String department, String... cells) {
        return builder().subject(subject).roles("handler").unit(department).cells(cells).sign();
    }

    /** A grid worker with their cells. */
    public static String worker(String subject, String... cells) {
        return builder().subject(subject).roles("worker").cells(cells).sign();
    }

    /** A read-only screen of these cells. */
    public static String screen(String... cells) {
        return builder().subject("screen-" + String.join("-", cells)).roles("screen").cells(cells).sign();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A token with every part settable; by default valid for an hour, signed with the service's key. */
    public static final class Builder {
        private String subject = "someone";
        private List<String> roles = List.of();
        private List<String> cells = List.of();
        private String unit;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expires = Instant.now().plus(Duration.ofHours(1));
        private RsaJsonWebKey key = KEY;

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder roles(String... values) {
            roles = List.of(values);
            return this;
        }

        public Builder cells(String... values) {
            cells = List.of(values);
            return this;
        }

        public Builder unit(String value) {
            unit = value;
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        public Builder expiredSecondsAgo(long seconds) {
            expires = Instant.now().minusSeconds(seconds);
            return this;
        }

        /** Signed with a key the service does not know. */
        public Builder strangerKey() {
            key = STRANGER;
            return this;
        }

        public String sign() {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject(subject);
            claims.setIssuedAt(NumericDate.fromMilliseconds(expires.minus(Duration.ofHours(1)).toEpochMilli()));
            claims.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
            claims.setJwtId(UUID.randomUUID().toString());
            claims.setStringListClaim("roles", roles);
            claims.setStringListClaim("cells", cells);
            if (unit != null) {
                claims.setClaim("unit", unit);
            }
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            try {
                return jws.getCompactSerialization();
            } catch (org.jose4j.lang.JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RsaJsonWebKey generate() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            return key;
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
