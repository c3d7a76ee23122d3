package city.gridcommand.testing;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For the tests of stalled screens: with {@code test.http.send-buffer} set (bytes), the HTTP server's
 * sockets get that SO_SNDBUF, so a client that stops reading backs the server's writes up after a few
 * kilobytes instead of the megabytes the kernel's autotuning would take first. Does nothing unless set.
 */
@ApplicationScoped
public class SmallSendBuffer implements HttpServerOptionsCustomizer {

    @ConfigProperty(name = "test.http.send-buffer")
    Optional<Integer> sendBuffer;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        sendBuffer.ifPresent(options::setSendBufferSize);
    }
}
