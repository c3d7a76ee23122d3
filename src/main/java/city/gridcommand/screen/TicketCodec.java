package city.gridcommand.screen;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.BuiltInIssuer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The text of a live-feed ticket: the caller's identity, roles, cells and unit with an expiry and an id,
 * base64url JSON signed with HMAC-SHA256 under a secret every instance shares
 * ({@link ScreenSettings#ticketSecret()}), so any instance reads one another made. Whether it was used
 * already is not its business ({@link LiveTickets}).
 */
final class TicketCodec {

    private static final Logger LOG = Logger.getLogger(TicketCodec.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /** A ticket, its id and when it stops being accepted. */
    record Ticket(String ticket, String id, long expiresAt) {
    }

    /** What a genuine, unexpired ticket says: who it stands for, and its id. */
    record Claims(Caller caller, String id, long expiresAt) {
    }

    private final ScreenSettings settings;
    private final byte[] secret;
    private final LongSupplier clock;

    TicketCodec(ScreenSettings settings, BuiltInIssuer issuer) {
        this(settings, secret(settings, issuer), System::currentTimeMillis);
    }

    TicketCodec(ScreenSettings settings, byte[] secret, LongSupplier clock) {
        this.settings = settings;
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** A new ticket for the caller. */
    Ticket issue(Caller caller) {
        long expiresAt = clock.getAsLong() + settings.ticketLifetime().toMillis();
        String id = UUID.randomUUID().toString();
        JsonObject claims = new JsonObject().put("sub", caller.subject())
                .put("roles", new JsonArray(caller.roles().stream().map(StaffRole::wireName).sorted().toList()))
                .put("cells", new JsonArray(caller.scope().everywhere() ? List.of("*") : caller.scope().roots()))
                .put("unit", caller.unit()).put("exp", expiresAt).put("jti", id);
        String body = B64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        return new Ticket(body + "." + B64.encodeToString(mac(body)), id, expiresAt);
    }

    /** What the ticket says; empty when it is not one of ours (signed with another secret, altered) or expired. */
    Optional<Claims> read(String ticket) {
        long now = clock.getAsLong();
        int dot = ticket == null ? -1 : ticket.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = ticket.substring(0, dot);
        byte[] signature;
        JsonObject claims;
        try {
            signature = UNB64.decode(ticket.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                return Optional.empty();
            }
            claims = new JsonObject(new String(UNB64.decode(body), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DecodeException e) {
            return Optional.empty();
        }
        long expiresAt = claims.getLong("exp", 0L);
        String id = claims.getString("jti");
        if (expiresAt < now || id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (Object role : claims.getJsonArray("roles", new JsonArray())) {
            StaffRole known = StaffRole.fromWire(String.valueOf(role));
            if (known != null) {
                roles.add(known);
            }
        }
        List<String> cells = claims.getJsonArray("cells", new JsonArray()).stream().map(String::valueOf).toList();
        return Optional.of(new Claims(new Caller(claims.getString("sub"), roles, CellScope.of(cells),
                claims.getString("unit")), id, expiresAt));
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] secret(ScreenSettings settings, BuiltInIssuer issuer) {
        if (settings.ticketSecret().isPresent()) {
            String configured = settings.ticketSecret().get();
            if (configured.length() < 32) {
                throw new IllegalStateException("grid.screen.ticket-secret must be at least 32 characters");
            }
            return sha256(configured.getBytes(StandardCharsets.UTF_8));
        }
        if (issuer.active() && issuer.key().isPresent()) {
            byte[] key = issuer.key().get().privateKey().getEncoded();
            byte[] labelled = new byte[key.length + 13];
            System.arraycopy("screen-ticket".getBytes(StandardCharsets.US_ASCII), 0, labelled, 0, 13);
            System.arraycopy(key, 0, labelled, 13, key.length);
            return sha256(labelled);
        }
        LOG.warnf("grid.screen.ticket-secret is not set: live tickets are signed with a secret of this instance "
                + "alone, made at %s, and redeem only here (set GRID_SCREEN_TICKET_SECRET on every instance)",
                Instant.now());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
