package city.gridcommand.screen;

import city.gridcommand.access.Caller;
import city.gridcommand.api.AuditTrail;
import city.gridcommand.api.ProblemException;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.signin.Callers;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/v1/live/tickets}: a short-lived, single-use ticket for opening {@code /ws/v1/live}
 * from a browser ({@code ?ticket=}), carrying the bearer token's identity, roles and cells. Any signed-in
 * caller with a role and cells gets one; the scope is checked when the ticket is redeemed. Each ticket
 * issued is recorded in the audit trail ({@code live.ticket}, target: the ticket's id).
 */
@Path("/api/v1/live/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class LiveTicketResource {

    private final Callers callers;
    private final LiveTickets tickets;
    private final AuditTrail audit;

    LiveTicketResource(Callers callers, LiveTickets tickets, AuditTrail audit) {
        this.callers = callers;
        this.tickets = tickets;
        this.audit = audit;
    }

    @Authenticated
    @POST
    public CompletionStage<LiveTickets.Ticket> issue() {
        Caller caller = callers.current();
        if (caller.roles().isEmpty()) {
            throw ProblemException.forbidden("the live feed needs one of the service's roles");
        }
        if (caller.scope().isEmpty()) {
            throw ProblemException.inNoCell("cells", "the token names no cells to watch");
        }
        LiveTickets.Issued issued = tickets.issue(caller);
        return audit.who(caller).record(AuditEntry.LIVE_TICKET, issued.id(), null,
                Map.of("expiresAt", issued.ticket().expiresAt())).thenApply(recorded -> issued.ticket());
    }
}
