package city.gridcommand.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A command screen for tests: a {@code java.net.http} WebSocket on {@code /ws/v1/live} that keeps every
 * message and how the server closed it. {@link #stalled} opens one that reads nothing until
 * {@link #resume()}: the JDK client takes no frame off the socket without demand, so the server's writes
 * back up as they would to a frozen browser.
 */
public final class ScreenClient implements AutoCloseable {

    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private volatile WebSocket socket;
    private final boolean reading;
    private final StringBuilder partial = new StringBuilder();

    private ScreenClient(boolean reading) {
        this.reading = reading;
    }

    /** Opens {@code ws://…/ws/v1/live?{query}}, with a bearer token when it is not null. */
    public static ScreenClient open(URI root, String query, String token) {
        return open(root, query, token, true);
    }

    /** Opens a screen that reads nothing until {@link #resume()}. */
    public static ScreenClient stalled(URI root, String query, String token) {
        return open(root, query, token, false);
    }

    /** Opens another of the service's WebSockets ({@code /ws/v1/alerts}), with a bearer token when it is not null. */
    public static ScreenClient openPath(URI root, String path, String query, String token) {
        return open(root, path, query, token, true);
    }

    private static ScreenClient open(URI root, String query, String token, boolean reading) {
        return open(root, "/ws/v1/live", query, token, reading);
    }

    private static ScreenClient open(URI root, String path, String query, String token, boolean reading) {
        ScreenClient client = new ScreenClient(reading);
        URI uri = URI.create("ws://" + root.getHost() + ":" + root.getPort() + path + (query == null ? "" : "?" + query));
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            client.socket = builder.buildAsync(uri, client.new Listener()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + uri, e);
        }
        return client;
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            if (reading) {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(new int[] {statusCode});
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new int[] {-1});
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }
    }

    /** Every message so far. */
    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    /** The messages of one type. */
    public List<JsonObject> ofType(String type) {
        return received.stream().filter(m -> type.equals(m.getString("type"))).toList();
    }

    /** The event changes so far ({@code event.raised}, {@code event.updated}). */
    public List<JsonObject> changes() {
        return received.stream().filter(m -> m.getString("type", "").startsWith("event.")).toList();
    }

    /** Sends a text message, waiting until it is handed over. */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Starts reading (a stalled screen). */
    public void resume() {
        socket.request(Long.MAX_VALUE);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The close code the server sent (-1: the connection broke without one); waits up to the timeout. */
    public int closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS)[0];
        } catch (Exception e) {
            throw new AssertionError("the server did not close the screen within " + timeout, e);
        }
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
