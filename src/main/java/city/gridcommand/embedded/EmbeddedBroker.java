package city.gridcommand.embedded;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HiveMQ CE, embedded, for running with nothing else installed. Sessions and queued messages persist
 * in the data folder, so a restart of the service loses nothing the broker accepted.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 60;

    private final EmbeddedHiveMQ hivemq;
    private final String url;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, String url) {
        this.hivemq = hivemq;
        this.url = url;
    }

    /** Starts the broker on {@code host:port}, keeping its state under {@code folder}. */
    public static EmbeddedBroker start(Path folder, String host, int port) {
        requirePortFree(host, port);
        try {
            Path conf = Files.createDirectories(folder.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), config(host, port));
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(folder.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                    // HiveMQ would reconfigure logback; Quarkus owns logging here (see application.properties).
                    .withoutLoggingBootstrap()
                    .build();
            // HiveMQ reports an Error thrown during start only to its log and never completes the future.
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new EmbeddedBroker(hivemq, "tcp://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port);
        } catch (TimeoutException e) {
            throw new EmbeddedStartException("the embedded MQTT broker did not start within " + START_TIMEOUT_SECONDS
                    + " s; see the com.hivemq log lines above", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartException("interrupted while starting the embedded MQTT broker", e);
        } catch (IOException | ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new EmbeddedStartException("the embedded MQTT broker could not start: " + cause, e);
        }
    }

    private static void requirePortFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new EmbeddedStartException("port " + port + " on " + host + " is already in use, so the embedded "
                    + "MQTT broker cannot start there. If an MQTT broker is already running, point Grid Command at it "
                    + "with GRID_MQTT_URL=tcp://127.0.0.1:" + port + "; otherwise choose another port for the "
                    + "embedded broker with GRID_EMBEDDED_MQTT_PORT.");
        }
    }

    /** Limits raised from HiveMQ's defaults so that a service restart or a burst loses nothing. */
    static String config(String host, int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>1000000</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>65535</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, host);
    }

    /** The address clients use, {@code tcp://host:port}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().join();
        } finally {
            try {
                hivemq.close();
            } catch (Exception e) {
                // Closing after a clean stop only releases resources; nothing left to report.
            }
        }
    }
}
