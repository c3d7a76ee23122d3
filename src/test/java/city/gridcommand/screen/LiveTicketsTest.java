package city.gridcommand.screen;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.access.Caller;
import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveTicketsTest {

    private static final byte[] SECRET = "a shared secret of every instance".getBytes();
    private static final Caller SCREEN = new Caller("screen-1", Set.of(StaffRole.SCREEN),
            CellScope.of(List.of("440305001")), null);

    private final AtomicLong now = new AtomicLong(1_000_000);

    private LiveTickets tickets(byte[] secret) {
        ScreenSettings settings = new ScreenSettingsForTests(Duration.ofSeconds(30));
        return new LiveTickets(settings, secret, now::get);
    }

    @Test
    void aTicketStandsForItsCallerOnAnyInstanceWithTheSameSecretOnce() {
        LiveTickets one = tickets(SECRET);
        LiveTickets other = tickets(SECRET);
        LiveTickets.Ticket ticket = one.issue(SCREEN);
        assertThat(ticket.expiresAt()).isEqualTo(now.get() + 30_000);

        Optional<Caller> redeemed = other.redeem(ticket.ticket());
        assertThat(redeemed).contains(SCREEN);
        assertThat(other.redeem(ticket.ticket())).as("used").isEmpty();
    }

    @Test
    void anExpiredForgedOrForeignTicketIsRefused() {
        LiveTickets one = tickets(SECRET);
        String ticket = one.issue(SCREEN).ticket();
        assertThat(tickets("another secret of another service".getBytes()).redeem(ticket)).isEmpty();
        String body = ticket.substring(0, ticket.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(body)).replace("440305001", "*").getBytes())
                + ticket.substring(ticket.indexOf('.'));
        assertThat(one.redeem(forged)).as("cells widened").isEmpty();
        assertThat(one.redeem("not-a-ticket")).isEmpty();
        assertThat(one.redeem(null)).isEmpty();
        now.addAndGet(30_001);
        assertThat(one.redeem(ticket)).as("expired").isEmpty();
    }
}
