package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.AuthSettings;
import city.gridcommand.signin.BuiltInIssuer;
import city.gridcommand.signin.DemoPeople;
import city.gridcommand.signin.SigningKey;
import city.gridcommand.signin.TokenMinter;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.Grid;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.signin.Callers;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Sign-in. The built-in issuer's public doors, the only API routes answered without a token:
 * {@code GET /api/v1/auth/jwks}, the public key every token is verified with (for other services and
 * gateways), and {@code POST /api/v1/auth/login} {@code {"user":"dispatcher","password":"demo"}}, the demo
 * city's people signing in ({@link DemoPeople}). Both answer 404 when an external identity provider
 * issues the tokens; the login also without the demo city. Each sign-in is recorded in the audit trail
 * ({@code auth.login}) with the person signed in as its actor, before the token is answered. And, with any
 * issuer, {@code GET /api/v1/auth/me}: who the verified token says calls, where a screen starts.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** The login's body. */
    public record Login(String user, String password) {
    }

    /** A signed-in demo person's token and what it says. */
    public record Token(String token, String tokenType, long expiresAt, String subject, List<String> roles,
            List<String> cells, String unit) {
    }

    /**
     * Who the verified token says calls: subject, the roles this service knows, the cells (each with
     * everything under it, or {@code ["*"]}) and the unit; and {@code scopes}, the cells of the grid in force
     * a screen may start from: the token's cells that are in the grid, or for {@code *} the grid's roots.
     */
    public record Me(String subject, List<String> roles, List<String> cells, String unit, List<String> scopes) {
    }

    private final BuiltInIssuer issuer;
    private final DemoPeople people;
    private final AuthSettings settings;
    private final AuditTrail audit;
    private final Callers callers;
    private final LiveGrid liveGrid;

    AuthResource(BuiltInIssuer issuer, DemoPeople people, AuthSettings settings, AuditTrail audit, Callers callers,
            LiveGrid liveGrid) {
        this.issuer = issuer;
        this.people = people;
        this.settings = settings;
        this.audit = audit;
        this.callers = callers;
        this.liveGrid = liveGrid;
    }

    /** The caller as the token says ({@link Me}), with either issuer. */
    @Authenticated
    @GET
    @Path("/me")
    public Me me() {
        Caller caller = callers.current();
        List<String> roles = java.util.Arrays.stream(StaffRole.values()).filter(caller::has)
                .map(StaffRole::wireName).toList();
        Grid grid = liveGrid.snapshot().grid();
        List<String> cells = caller.scope().everywhere() ? List.of("*") : caller.scope().roots();
        List<String> scopes = caller.scope().everywhere()
                ? grid.cells().stream().filter(c -> c.parent() == null && c.kind() == CellKind.BASE).map(Cell::code).toList()
                : cells.stream().filter(code -> grid.cell(code) != null).toList();
        return new Me(caller.subject(), roles, cells, caller.unit(), scopes);
    }

    @PermitAll
    @GET
    @Path("/jwks")
    public String jwks() {
        return issuer.key().map(SigningKey::publicJwks).orElseThrow(() -> ProblemException.notFound(
                "tokens are issued by " + settings.issuerUrl().orElse("an external provider") + "; its JWKS is there"));
    }

    @PermitAll
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Token> login(Login body) {
        if (!people.served()) {
            throw ProblemException.notFound("the demo login is served only by the built-in issuer with the demo "
                    + "city; sign in with your identity provider");
        }
        if (body == null || body.user() == null || body.user().isBlank()) {
            throw ProblemException.badField("user", "'user' is required: a demo person, e.g. dispatcher");
        }
        if (body.password() == null || !sameText(body.password(), settings.demoPassword())) {
            throw new ProblemException(401, "Unauthorized", "wrong password for the demo login", "password");
        }
        TokenMinter minter = issuer.minter().orElseThrow();
        return people.grant(body.user()).thenCompose(grant -> {
            TokenMinter.Grant who = grant.orElseThrow(() -> new ProblemException(401, "Unauthorized",
                    "no demo person '" + body.user() + "': the centre's " + people.staffNames()
                            + ", or a grid worker's, leader's or supervisor's id from /api/v1/workers", "user"));
            TokenMinter.Minted minted = minter.mint(who, settings.tokenLifetime());
            Token token = new Token(minted.token(), "Bearer", minted.expiresAt().toEpochMilli(), who.subject(),
                    who.roles().stream().map(StaffRole::wireName).toList(), who.cells(), who.unit());
            // the one entry whose actor is not a token's caller yet: the person the token is now issued to
            Caller signedIn = new Caller(who.subject(), Set.copyOf(who.roles()), CellScope.of(who.cells()), who.unit());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("cells", who.cells());
            detail.put("unit", who.unit());
            detail.put("expiresAt", token.expiresAt());
            return audit.who(signedIn).record(AuditEntry.AUTH_LOGIN, who.subject(), null, detail)
                    .thenApply(v -> token);
        });
    }

    private static boolean sameText(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
