package city.gridcommand.it.process;

import city.gridcommand.testing.Ports;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto started from the repository's own {@code mqtt-config/}: the production configuration,
 * with only the listener, persistence folder, password file and ACL file pointed at a scratch folder.
 */
public final class MosquittoFromConfig implements AutoCloseable {

    private final Process process;
    private final int port;

    private MosquittoFromConfig(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether a mosquitto binary is on this machine. */
    public static boolean available() {
        try {
            return new ProcessBuilder("mosquitto", "-h").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Starts the broker with these users (name to password) and these device ACL entries
     * ({@code sensor:id}, {@code camera:id}, {@code worker:id}).
     */
    public static MosquittoFromConfig start(Path folder, Map<String, String> users, List<String> devices)
            throws IOException, InterruptedException {
        Path config = Path.of("mqtt-config");
        Files.createDirectories(folder.resolve("data"));
        int port = Ports.free();
        String conf = Files.readString(config.resolve("mosquitto.conf"))
                .replaceAll("(?m)^listener .*$", "listener " + port + " 127.0.0.1")
                .replaceAll("(?m)^persistence_location .*$", "persistence_location " + folder.resolve("data").toAbsolutePath() + "/")
                .replaceAll("(?m)^password_file .*$", "password_file " + folder.resolve("passwd").toAbsolutePath())
                .replaceAll("(?m)^acl_file .*$", "acl_file " + folder.resolve("acl").toAbsolutePath());
        Files.writeString(folder.resolve("mosquitto.conf"), conf);
        StringBuilder passwords = new StringBuilder();
        users.forEach((user, password) -> passwords.append(user).append(':').append(password).append('\n'));
        run(List.of(config.resolve("make-passwords.sh").toString(), folder.resolve("passwd").toString()),
                passwords.toString());
        List<String> acl = new ArrayList<>(List.of(config.resolve("make-acl.sh").toString(),
                folder.resolve("acl").toString()));
        acl.addAll(devices);
        run(acl, "");
        // As root, mosquitto drops to its own user, which must be able to read and write the folder.
        run(List.of("sh", "-c", "id -u mosquitto >/dev/null 2>&1 && [ $(id -u) = 0 ] && chown -R mosquitto "
                + folder.toAbsolutePath() + " || true"), "");
        Process process = new ProcessBuilder("mosquitto", "-c", folder.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("broker.log").toFile()).start();
        MosquittoFromConfig broker = new MosquittoFromConfig(process, port);
        broker.awaitListening(folder);
        return broker;
    }

    private void awaitListening(Path folder) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(folder.resolve("broker.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port);
    }

    private static void run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes());
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
