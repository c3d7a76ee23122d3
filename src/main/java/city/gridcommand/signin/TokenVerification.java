package city.gridcommand.signin;

import io.quarkus.oidc.Oidc;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.OidcTenantConfigBuilder;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Sets up the OIDC resource server (quarkus-oidc, bearer tokens only) when Quarkus asks for its tenants:
 * with {@code grid.auth.issuer-url}, the provider's discovery document and JWKS verify the tokens; without
 * it, the built-in issuer's public key does, and the service refuses to start unless the built-in issuer is
 * allowed. Either way a token must carry the issuer, the audience, a subject and an unexpired {@code exp}.
 */
@ApplicationScoped
public class TokenVerification {

    private static final Logger LOG = Logger.getLogger(TokenVerification.class);

    private final AuthSettings settings;
    private final BuiltInIssuer builtIn;

    TokenVerification(AuthSettings settings, BuiltInIssuer builtIn) {
        this.settings = settings;
        this.builtIn = builtIn;
    }

    void configure(@Observes Oidc oidc) {
        oidc.create(tenant());
    }

    OidcTenantConfig tenant() {
        OidcTenantConfigBuilder tenant;
        if (settings.issuerUrl().isPresent()) {
            String issuer = settings.issuerUrl().get();
            LOG.infof("sign-in: tokens of the OpenID Connect provider %s (audience %s)", issuer, settings.audience());
            tenant = OidcTenantConfig.authServerUrl(issuer);
        } else {
            if (!settings.builtinIssuerAllowed()) {
                // a ConfigurationException is what Quarkus reports as its message alone (no stack trace)
                // before the process exits with status 1
                throw new ConfigurationException("Grid Command cannot start: no identity provider configured "
                        + "(GRID_AUTH_ISSUER_URL) and the built-in issuer is not allowed here: set "
                        + "GRID_AUTH_ISSUER_URL, or GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true to sign tokens with the "
                        + "key in " + builtIn.keyFile(), Set.of("grid.auth.issuer-url", "grid.auth.builtin-issuer-allowed"));
            }
            SigningKey key = builtIn.key().orElseThrow();
            LOG.infof("sign-in: the built-in issuer '%s', key %s in %s (GRID_AUTH_ISSUER_URL unset)",
                    settings.builtinIssuer(), key.keyId(), builtIn.keyFile());
            tenant = OidcTenantConfig.builder().publicKey(key.publicKeyBase64())
                    .token().issuer(settings.builtinIssuer()).end();
        }
        return tenant.applicationType(ApplicationType.SERVICE)
                .token().audience(settings.audience()).principalClaim("sub").subjectRequired().end()
                .roles().roleClaimPath(settings.rolesClaim()).end()
                .build();
    }
}
