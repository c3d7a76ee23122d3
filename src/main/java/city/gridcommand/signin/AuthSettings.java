package city.gridcommand.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in ({@code grid.auth.*}, e.g. GRID_AUTH_ISSUER_URL). Every REST call but the few public ones carries
 * a bearer token (a signed JWT) that the service verifies: signature, issuer, audience, expiry.
 */
@ConfigMapping(prefix = "grid.auth")
public interface AuthSettings {

    /**
     * An OpenID Connect provider's issuer URL (Keycloak: {@code https://host/realms/{realm}}); its
     * discovery document gives the JWKS the tokens are verified with. When unset, the service is its own
     * small issuer (see {@link #builtinIssuerAllowed()}).
     */
    Optional<String> issuerUrl();

    /** The audience ({@code aud}) every token must name. Default {@code grid-command}. */
    @WithDefault("grid-command")
    String audience();

    /**
     * The claim holding the roles, a path for nested claims ({@code realm_access/roles} for Keycloak).
     * Provider roles are renamed to this service's with {@code quarkus.http.auth.roles-mapping."theirs"=ours}.
     * Default {@code roles}.
     */
    @WithDefault("roles")
    String rolesClaim();

    /** The claim listing the cells the holder may see ({@code ["440305001"]}, or {@code ["*"]}). Default {@code cells}. */
    @WithDefault("cells")
    String cellsClaim();

    /** The claim naming the holder's unit: a department ({@code dept-fire}) or a leader's cell. Default {@code unit}. */
    @WithDefault("unit")
    String unitClaim();

    /**
     * Whether the built-in issuer may be used when no {@link #issuerUrl()} is set. The launcher allows it
     * with the embedded database (the demo and development mode); with a real database (production) the
     * service refuses to start on the built-in issuer unless this is set to true (GRID_AUTH_BUILTIN_ISSUER_ALLOWED).
     */
    @WithDefault("false")
    boolean builtinIssuerAllowed();

    /** The built-in issuer's {@code iss}. Default {@code grid-command}. */
    @WithDefault("grid-command")
    String builtinIssuer();

    /**
     * The built-in issuer's signing key (an RSA JSON Web Key, private part included, created on first start,
     * readable only by its owner). Several instances on the built-in issuer must share it. Default
     * {@code data/identity/signing-key.jwk} under the data directory.
     */
    Optional<Path> signingKey();

    /** How long a built-in issuer's token is valid. Default 8 hours, a shift. */
    @WithDefault("8h")
    Duration tokenLifetime();

    /**
     * The password of the demo people's login ({@code POST /api/v1/auth/login}), served only with the
     * built-in issuer and the demo city. Default {@code demo}.
     */
    @WithDefault("demo")
    String demoPassword();
}
