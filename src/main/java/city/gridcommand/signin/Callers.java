package city.gridcommand.signin;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, from its verified token: the subject, the roles this service knows
 * (after {@code quarkus.http.auth.roles-mapping}), the cells claim as a {@link CellScope} and the unit.
 * Read it at the start of a resource method, on the request's thread.
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;
    private final AuthSettings settings;

    Callers(SecurityIdentity identity, AuthSettings settings) {
        this.identity = identity;
        this.settings = settings;
    }

    /**
     * Who calls.
     *
     * @throws UnauthorizedException when the request is anonymous (a resource method that is not public
     *         never gets here without a token)
     * @throws AuthenticationFailedException when the token's cells claim is not a list of cell codes
     */
    public Caller current() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            throw new UnauthorizedException("a bearer token is required");
        }
        return of(identity, settings);
    }

    /**
     * The caller an identity verified from a token stands for (a WebSocket's upgrade request, which has no
     * request scope of its own).
     *
     * @throws AuthenticationFailedException when the identity holds no token or its cells claim is not a
     *         list of cell codes
     */
    public static Caller of(SecurityIdentity identity, AuthSettings settings) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new AuthenticationFailedException("a bearer token is required");
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String role : identity.getRoles()) {
            StaffRole known = StaffRole.fromWire(role);
            if (known != null) {
                roles.add(known);
            }
        }
        CellScope scope;
        try {
            scope = CellScope.of(strings(token.getClaim(settings.cellsClaim())));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("the token's '" + settings.cellsClaim() + "' claim: "
                    + e.getMessage());
        }
        Object unit = token.getClaim(settings.unitClaim());
        return new Caller(token.getSubject(), roles, scope, text(unit));
    }

    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                values.add(text(value));
            }
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(text(value)));
        } else if (claim != null) {
            for (String part : text(claim).split(",")) {
                values.add(part.trim());
            }
        }
        return values;
    }

    private static String text(Object value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
