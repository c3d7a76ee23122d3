package city.gridcommand.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what HTTP clients hide: a body sent while the answer is read,
 * chunked bodies, Expect: 100-continue, and whether the connection is kept. One request's answer at a
 * time: {@link #statusLine()}, then {@link #headers()}, then {@link #body()}.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private Map<String, String> headers;

    RawHttp(URI base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(60_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends the body from another thread, stopping quietly if the server closes the connection. */
    Thread sendInBackground(String body) {
        return background(() -> {
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
        });
    }

    /** Sends the body as 64 KiB chunks and the last chunk, from another thread, as {@link #sendInBackground}. */
    Thread sendChunksInBackground(String body) {
        return background(() -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < bytes.length; at += 65_536) {
                int length = Math.min(65_536, bytes.length - at);
                send(Integer.toHexString(length) + "\r\n");
                out.write(bytes, at, length);
                send("\r\n");
            }
            send("0\r\n\r\n");
        });
    }

    String statusLine() throws IOException {
        String status = line();
        headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The body of the answer whose status line was read (Content-Length bodies only). */
    String body() throws IOException {
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new String(body, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed before the end of a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private interface Sending {
        void run() throws IOException;
    }

    private static Thread background(Sending sending) {
        Thread thread = new Thread(() -> {
            try {
                sending.run();
            } catch (IOException e) {
                // the server answered and closed before the whole body was sent: what a limit may do
            }
        }, "raw-http-sender");
        thread.start();
        return thread;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
