package city.gridcommand.signin;

import city.gridcommand.access.StaffRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs the built-in issuer's tokens: RS256 JWTs with {@code iss}, {@code aud}, {@code sub}, {@code iat},
 * {@code exp}, {@code jti}, the roles, cells and unit claims (named as the settings say), and
 * {@code preferred_username}.
 */
public final class TokenMinter {

    /** What a token says about its holder. */
    public record Grant(String subject, List<StaffRole> roles, List<String> cells, String unit) {

        public Grant {
            Objects.requireNonNull(subject, "subject");
            roles = List.copyOf(roles);
            cells = List.copyOf(cells);
        }
    }

    /** A minted token and when it expires. */
    public record Minted(String token, Instant expiresAt) {
    }

    private final SigningKey key;
    private final String issuer;
    private final String audience;
    private final String rolesClaim;
    private final String cellsClaim;
    private final String unitClaim;

    public TokenMinter(SigningKey key, String issuer, String audience, String rolesClaim, String cellsClaim,
            String unitClaim) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.rolesClaim = rolesClaim;
        this.cellsClaim = cellsClaim;
        this.unitClaim = unitClaim;
    }

    public static TokenMinter of(SigningKey key, AuthSettings settings) {
        return new TokenMinter(key, settings.builtinIssuer(), settings.audience(), settings.rolesClaim(),
                settings.cellsClaim(), settings.unitClaim());
    }

    private static Object nested(String[] path, int from, List<String> value) {
        return from == path.length ? value : Map.of(path[from], nested(path, from + 1, value));
    }

    /** A token for the grant, valid from now for the lifetime. */
    public Minted mint(Grant grant, Duration lifetime) {
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(grant.subject());
        claims.setClaim("preferred_username", grant.subject());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
        claims.setGeneratedJwtId();
        List<String> roles = grant.roles().stream().map(StaffRole::wireName).toList();
        // a claim path (realm_access/roles) is read nested by the verifier, so it is written nested
        String[] path = rolesClaim.split("/");
        claims.setClaim(path[0], nested(path, 1, roles));
        claims.setStringListClaim(cellsClaim, grant.cells());
        if (grant.unit() != null) {
            claims.setClaim(unitClaim, grant.unit());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setKeyIdHeaderValue(key.keyId());
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return new Minted(jws.getCompactSerialization(), expires);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
