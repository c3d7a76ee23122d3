package city.gridcommand.signin;

import city.gridcommand.access.Caller;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.vertx.http.runtime.security.RolesMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.Config;

/**
 * Verifies a bearer token handed over outside a REST call (the upgrade request of a WebSocket, whose
 * {@code Authorization} header no resource method reads): the same OIDC tenant as every REST route
 * ({@link TokenVerification}), the provider's roles renamed by {@code quarkus.http.auth.roles-mapping} as
 * the HTTP layer renames them, and the caller read from it as {@link Callers} reads a request's.
 */
@ApplicationScoped
public class BearerSignIn {

    private static final String ROLES_MAPPING = "quarkus.http.auth.roles-mapping.";

    private final TenantIdentityProvider identities;
    private final AuthSettings settings;
    private final RolesMapping rolesMapping;

    BearerSignIn(TenantIdentityProvider identities, AuthSettings settings, Config config) {
        this.identities = identities;
        this.settings = settings;
        this.rolesMapping = rolesMapping(config);
    }

    /**
     * The caller the token stands for; fails (an {@code AuthenticationFailedException}) when the token does
     * not verify or its cells claim is not a list of cell codes.
     */
    public CompletionStage<Caller> caller(String token) {
        return identities.authenticate(new AccessTokenCredential(token))
                .map(identity -> Callers.of(rolesMapping == null ? identity : rolesMapping.apply(identity), settings))
                .subscribeAsCompletionStage();
    }

    private static RolesMapping rolesMapping(Config config) {
        Map<String, List<String>> mapping = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ROLES_MAPPING)) {
                String theirs = name.substring(ROLES_MAPPING.length());
                if (theirs.length() > 1 && theirs.startsWith("\"") && theirs.endsWith("\"")) {
                    theirs = theirs.substring(1, theirs.length() - 1);
                }
                mapping.put(theirs, config.getValues(name, String.class));
            }
        }
        return mapping.isEmpty() ? null : RolesMapping.of(mapping);
    }
}
