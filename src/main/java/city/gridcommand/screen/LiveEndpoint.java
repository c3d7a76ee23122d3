package city.gridcommand.screen;

import city.gridcommand.access.Caller;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.signin.BearerSignIn;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@code /ws/v1/live?scope={cellCode}[&since={seq}][&epoch={epoch}]}: the WebSocket of command screens
 * (docs/contract.md section 3), the adapter between a connection and its {@link ScreenSession}. Sign-in is
 * a ticket ({@code &ticket=}, {@link LiveTickets}) or the upgrade's {@code Authorization: Bearer} header;
 * refusals close the connection with a code and a reason: 4401 not signed in, 4400 a bad query parameter,
 * 4403 a scope outside the token's cells.
 */
@WebSocket(path = "/ws/v1/live")
public class LiveEndpoint {

    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class);

    static final int NOT_SIGNED_IN = 4401;
    static final int BAD_QUERY = 4400;
    static final int OUTSIDE = 4403;

    private final ScreenFeed feed;
    private final LiveTickets tickets;
    private final BearerSignIn bearer;
    private final SnapshotReader snapshots;
    private final ChangeSource changes;
    private final ScreenSettings settings;
    private final LiveGrid grid;

    LiveEndpoint(ScreenFeed feed, LiveTickets tickets, BearerSignIn bearer, SnapshotReader snapshots,
            ChangeSource changes, ScreenSettings settings, LiveGrid grid) {
        this.feed = feed;
        this.tickets = tickets;
        this.bearer = bearer;
        this.snapshots = snapshots;
        this.changes = changes;
        this.settings = settings;
        this.grid = grid;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        LiveQuery query = LiveQuery.parse(connection.handshakeRequest().query());
        signIn(connection, query).whenComplete((caller, error) -> {
            if (error != null || caller == null) {
                refuse(connection, NOT_SIGNED_IN, query.ticket() != null ? "ticket invalid, expired or used"
                        : "not signed in: a ticket or a bearer token is required");
                return;
            }
            if (query.problem() != null) {
                refuse(connection, BAD_QUERY, query.problem());
                return;
            }
            if (caller.roles().isEmpty() || !caller.scope().covers(query.scope())) {
                refuse(connection, OUTSIDE, "scope " + query.scope() + " is outside the cells of your token");
                return;
            }
            if (grid.snapshot().grid().cell(query.scope()) == null) {
                refuse(connection, BAD_QUERY, "scope: no cell " + query.scope() + " in the grid in force");
                return;
            }
            start(connection, caller, query);
        });
    }

    private CompletionStage<Caller> signIn(WebSocketConnection connection, LiveQuery query) {
        if (query.ticket() != null) {
            return tickets.redeem(query.ticket(), query.scope(), host(connection.handshakeRequest().remoteAddress()))
                    .thenApply(caller -> caller.orElse(null));
        }
        String authorization = connection.handshakeRequest().header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return CompletableFuture.completedFuture(null);
        }
        return bearer.caller(authorization.substring(7).trim());
    }

    /** The host of {@code host:port} ({@code [v6]:port} too), as the audit trail keeps addresses. */
    static String host(String address) {
        if (address == null) {
            return null;
        }
        int colon = address.lastIndexOf(':');
        String host = colon > 0 && address.indexOf(':') == colon || address.startsWith("[")
                ? address.substring(0, colon) : address;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private void start(WebSocketConnection connection, Caller caller, LiveQuery query) {
        ScreenSession session = new ScreenSession(connection.id(), query.scope(), new ConnectionSink(connection),
                new ScreenSession.Sources(changes, snapshots::read, settings.catchUpPage(), settings.queueMessages(),
                        settings.queueBytes()));
        feed.add(session);
        if (connection.isClosed()) {
            feed.remove(session.id());
            return;
        }
        LOG.debugf("screen %s of %s opened by %s (since %s)", session.id(), query.scope(), caller.subject(),
                query.since());
        session.start(query.since(), query.epoch()).whenComplete((started, error) -> {
            if (error != null) {
                LOG.warnf(error, "screen %s of %s could not start", session.id(), query.scope());
                session.close(1011, "the live feed could not start; reconnect");
            }
        });
    }

    private static void refuse(WebSocketConnection connection, int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(done -> { }, failure -> { });
    }

    @OnClose
    public void closed(WebSocketConnection connection) {
        feed.remove(connection.id());
    }

    @OnPongMessage
    public void pong(WebSocketConnection connection, Buffer data) {
        heard(connection);
    }

    @OnTextMessage
    public void text(WebSocketConnection connection, String message) {
        heard(connection);
    }

    private void heard(WebSocketConnection connection) {
        ScreenSession session = feed.session(connection.id());
        if (session != null) {
            session.heard();
        }
    }

    /** The session's messages onto the connection. */
    private record ConnectionSink(WebSocketConnection connection) implements ScreenSession.Sink {

        @Override
        public CompletionStage<Void> send(String text) {
            return connection.sendText(text).subscribeAsCompletionStage();
        }

        @Override
        public void close(int code, String reason) {
            refuse(connection, code, reason);
        }
    }
}
