package city.gridcommand.screen;

import city.gridcommand.access.Caller;
import city.gridcommand.access.StaffRole;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.audit.AuditLog;
import city.gridcommand.signin.BuiltInIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Short-lived, single-use tickets a browser passes in the WebSocket's query ({@code ?ticket=}), since a
 * browser cannot set an {@code Authorization} header on an upgrade. A ticket is signed text any instance
 * reads ({@link TicketCodec}); it is used up by its redemption's entry in the audit trail
 * ({@code live.redeem}, target the ticket's id), which PostgreSQL stores once per ticket whichever instance
 * redeems it, so a ticket opens one screen, on any instance, once. Issuing it is recorded too
 * ({@code live.ticket}).
 */
@ApplicationScoped
public class LiveTickets {

    /** A ticket and when it stops being accepted, as {@code POST /api/v1/live/tickets} answers it. */
    public record Ticket(String ticket, long expiresAt) {
    }

    private final TicketCodec codec;
    private final AuditLog audit;

    @Inject
    LiveTickets(ScreenSettings settings, BuiltInIssuer issuer, AuditLog audit) {
        this(new TicketCodec(settings, issuer), audit);
    }

    LiveTickets(TicketCodec codec, AuditLog audit) {
        this.codec = codec;
        this.audit = audit;
    }

    /** A new ticket for the caller; {@code id} names it in the audit trail. */
    Issued issue(Caller caller) {
        TicketCodec.Ticket ticket = codec.issue(caller);
        return new Issued(new Ticket(ticket.ticket(), ticket.expiresAt()), ticket.id());
    }

    /** An issued ticket and its id. */
    record Issued(Ticket ticket, String id) {
    }

    /**
     * The caller a ticket was issued to, once: empty when it is not one of ours, has expired or was
     * redeemed before (here or on another instance). Redeeming it for a screen of {@code scope} from
     * {@code address} uses it up.
     */
    CompletionStage<Optional<Caller>> redeem(String ticket, String scope, String address) {
        Optional<TicketCodec.Claims> claims = codec.read(ticket);
        if (claims.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Caller caller = claims.get().caller();
        List<String> roles = caller.roles().stream().map(StaffRole::wireName).sorted().toList();
        AuditEntry redeemed = AuditEntry.of(caller.subject(), roles, address, AuditEntry.LIVE_REDEEM, claims.get().id(),
                scope, Map.of("expiresAt", claims.get().expiresAt()));
        return audit.recordOnce(redeemed).thenApply(first -> first ? Optional.of(caller) : Optional.empty());
    }
}
