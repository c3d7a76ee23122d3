package city.gridcommand.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/** PostgreSQL 17, embedded (zonky), with its data directory kept across restarts. */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code port} (0 picks a free one) with its cluster under {@code folder}. */
    public static EmbeddedDatabase start(Path folder, int port) {
        try {
            Files.createDirectories(folder.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    // not zonky's own JVM hook: it would stop PostgreSQL while the service still drains its last
                    // batches; the launcher stops it once the service has stopped (GridCommandMain.stopEmbedded)
                    .setRegisterShutdownHook(false)
                    .setPort(port == 0 ? freePort() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // zonky defaults to fsync and synchronous_commit off, which would let an
                    // acknowledged message vanish in a power cut; the service's guarantee needs both on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedStartException("the embedded PostgreSQL could not start in " + folder.toAbsolutePath()
                    + ": " + e.getMessage() + ". To use an existing PostgreSQL instead, set GRID_DB_URL.", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The reactive-client form of the address, {@code postgresql://127.0.0.1:port/postgres}. */
    public String url() {
        return "postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // Shutting down anyway: PostgreSQL recovers from its WAL on the next start, nothing is lost.
            LOG.warnf("the embedded PostgreSQL did not stop cleanly (%s); it will recover on the next start",
                    e.getMessage());
        }
    }
}
