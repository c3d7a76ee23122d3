package city.gridcommand.screen;

import city.gridcommand.access.Caller;
import city.gridcommand.alerts.AlertAcks;
import city.gridcommand.signin.BearerSignIn;
import city.gridcommand.store.OpenAlertsQuery;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@code /ws/v1/alerts[?ticket=…]}: the alerts of the signed-in person (the token's subject), on whichever
 * instance they were raised (docs/contract.md section 4). Sign-in as on {@code /ws/v1/live}: a ticket from
 * {@code POST /api/v1/live/tickets} or the upgrade's {@code Authorization: Bearer} header; refused with 4401
 * (not signed in) or 4403 (a token with none of the service's roles). First the person's open alerts, then
 * each alert as it comes; {@code {"type":"ack","alertId":"…"}} acknowledges one and is answered
 * {@code {"type":"ack.result",…}}; a message not understood is answered {@code {"type":"error",…}}.
 */
@WebSocket(path = "/ws/v1/alerts")
public class AlertsEndpoint {

    private static final Logger LOG = Logger.getLogger(AlertsEndpoint.class);

    static final int NOT_SIGNED_IN = LiveEndpoint.NOT_SIGNED_IN;
    static final int NO_ROLE = LiveEndpoint.OUTSIDE;
    static final String CHANNEL = "websocket";

    private final AlertSockets sockets;
    private final LiveTickets tickets;
    private final BearerSignIn bearer;
    private final OpenAlertsQuery open;
    private final AlertAcks acks;
    /**
     * Connections still signing in, each with its messages so far chained in order: a message sent right after
     * the upgrade is handled once the socket is known (null: refused, the messages are dropped with it).
     */
    private final Map<String, CompletableFuture<AlertSocket>> opening = new ConcurrentHashMap<>();

    AlertsEndpoint(AlertSockets sockets, LiveTickets tickets, BearerSignIn bearer, OpenAlertsQuery open,
            AlertAcks acks) {
        this.sockets = sockets;
        this.tickets = tickets;
        this.bearer = bearer;
        this.open = open;
        this.acks = acks;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        String ticket = ticket(connection.handshakeRequest().query());
        CompletableFuture<AlertSocket> signedIn = new CompletableFuture<>();
        opening.put(connection.id(), signedIn);
        signIn(connection, ticket).whenComplete((caller, error) -> {
            AlertSocket socket = null;
            if (error != null || caller == null || caller.subject() == null) {
                refuse(connection, NOT_SIGNED_IN, ticket != null ? "ticket invalid, expired or used"
                        : "not signed in: a ticket or a bearer token is required");
            } else if (caller.roles().isEmpty()) {
                refuse(connection, NO_ROLE, "the token has none of the service's roles");
            } else {
                socket = start(connection, caller);
            }
            signedIn.complete(socket);
            opening.remove(connection.id());
        });
    }

    private CompletionStage<Caller> signIn(WebSocketConnection connection, String ticket) {
        if (ticket != null) {
            return tickets.redeem(ticket, null, LiveEndpoint.host(connection.handshakeRequest().remoteAddress()))
                    .thenApply(caller -> caller.orElse(null));
        }
        String authorization = connection.handshakeRequest().header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return CompletableFuture.completedFuture(null);
        }
        return bearer.caller(authorization.substring(7).trim());
    }

    /** The {@code ticket} parameter of the query, null when there is none. */
    static String ticket(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("ticket=")) {
                return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private AlertSocket start(WebSocketConnection connection, Caller caller) {
        AlertSocket socket = new AlertSocket(connection.id(), caller.subject(), new ConnectionSink(connection),
                System.currentTimeMillis());
        sockets.add(socket);
        if (connection.isClosed()) {
            sockets.remove(socket.id());
            return null;
        }
        open.bodiesFor(caller.subject()).whenComplete((bodies, error) -> {
            if (error != null) {
                LOG.warnf(error, "the open alerts of %s could not be read", caller.subject());
                socket.reply(AlertSocketMessages.error(null, "your open alerts could not be read; new ones still come"));
                socket.opened(List.of());
                return;
            }
            socket.opened(bodies);
        });
        return socket;
    }

    @OnTextMessage
    public void text(WebSocketConnection connection, String message) {
        // still signing in: after the messages before it, once the socket is known (the sign-in adds the socket
        // before it leaves this map, so a message finds one or the other)
        CompletableFuture<AlertSocket> signingIn = opening.computeIfPresent(connection.id(),
                (id, before) -> before.thenApply(socket -> {
                    if (socket != null) {
                        handle(socket, message);
                    }
                    return socket;
                }));
        if (signingIn != null) {
            return;
        }
        AlertSocket socket = heard(connection);
        if (socket != null) {
            handle(socket, message);
        }
    }

    private void handle(AlertSocket socket, String message) {
        socket.heard(System.currentTimeMillis());
        AlertSocketMessages.Incoming incoming = AlertSocketMessages.parse(message);
        if (incoming instanceof AlertSocketMessages.Refused refused) {
            socket.reply(AlertSocketMessages.error(refused.field(), refused.detail()));
            return;
        }
        String alertId = ((AlertSocketMessages.Ack) incoming).alertId();
        acks.ack(alertId, socket.personId(), CHANNEL, System.currentTimeMillis()).whenComplete((result, error) -> {
            if (error != null) {
                LOG.warnf(error, "ack of alert %s by %s failed", alertId, socket.personId());
                socket.reply(AlertSocketMessages.error("alertId", "the ack of " + alertId
                        + " could not be recorded; send it again"));
            } else {
                socket.reply(AlertSocketMessages.ackResult(result));
            }
        });
    }

    @OnPongMessage
    public void pong(WebSocketConnection connection, Buffer data) {
        heard(connection);
    }

    private AlertSocket heard(WebSocketConnection connection) {
        AlertSocket socket = sockets.socket(connection.id());
        if (socket != null) {
            socket.heard(System.currentTimeMillis());
        }
        return socket;
    }

    @OnClose
    public void closed(WebSocketConnection connection) {
        opening.remove(connection.id());
        sockets.remove(connection.id());
    }

    private static void refuse(WebSocketConnection connection, int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(done -> { }, failure -> { });
    }

    /** The socket's text onto the connection. */
    private record ConnectionSink(WebSocketConnection connection) implements AlertSocket.Sink {

        @Override
        public void send(String text) {
            connection.sendText(text).subscribe().with(done -> { },
                    failure -> LOG.debugf("alerts socket %s: not sent (%s)", connection.id(), failure.getMessage()));
        }

        @Override
        public void close(int code, String reason) {
            refuse(connection, code, reason);
        }
    }
}
