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

class TicketCodecTest {

    private static final byte[] SECRET = "a shared secret of every instance".getBytes();
    private static final Caller SCREEN = new Caller("screen-1", Set.of(StaffRole.SCREEN),
            CellScope.of(List.of("440305001")), null);

    private final AtomicLong now = new AtomicLong(1_000_000);

    private TicketCodec tickets(byte[] secret) {
        ScreenSettings settings = new ScreenSettingsForTests(Duration.ofSeconds(30));
        return new TicketCodec(settings, secret, now::get);
    }

    @Test
    void aTicketStandsForItsCallerOnAnyInstanceWithTheSameSecret() {
        TicketCodec one = tickets(SECRET);
        TicketCodec other = tickets(SECRET);
        TicketCodec.Ticket ticket = one.issue(SCREEN);
        assertThat(ticket.expiresAt()).isEqualTo(now.get() + 30_000);

        Optional<TicketCodec.Claims> read = other.read(ticket.ticket());
        assertThat(read.map(TicketCodec.Claims::caller)).contains(SCREEN);
        assertThat(read.map(TicketCodec.Claims::id)).contains(ticket.id());
        assertThat(one.issue(SCREEN).id()).as("every ticket an id of its own").isNotEqualTo(ticket.id());
    }

    @Test
    void anExpiredForgedOrForeignTicketIsRefused() {
        TicketCodec one = tickets(SECRET);
        String ticket = one.issue(SCREEN).ticket();
        assertThat(tickets("another secret of another service".getBytes()).read(ticket)).isEmpty();
        String body = ticket.substring(0, ticket.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(body)).replace("440305001", "*").getBytes())
                + ticket.substring(ticket.indexOf('.'));
        assertThat(one.read(forged)).as("cells widened").isEmpty();
        assertThat(one.read("not-a-ticket")).isEmpty();
        assertThat(one.read(null)).isEmpty();
        now.addAndGet(30_001);
        assertThat(one.read(ticket)).as("expired").isEmpty();
    }
}
