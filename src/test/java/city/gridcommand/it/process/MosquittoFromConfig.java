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
 * with only its two listeners' ports and its {@code /mosquitto/} paths pointed at a scratch folder, plus
 * the service's listener once more over TLS (as the configuration describes adding a TLS listener), with a
 * certificate for {@code localhost} from a throw-away certificate authority.
 */
public final class MosquittoFromConfig implements AutoCloseable {

    private static final String TRUST_STORE_PASSWORD = "grid-it";

    private final Process process;
    private final int port;
    private final int servicePort;
    private final int tlsPort;
    private final Path trustStore;

    private MosquittoFromConfig(Process process, int port, int servicePort, int tlsPort, Path trustStore) {
        this.process = process;
        this.port = port;
        this.servicePort = servicePort;
        this.tlsPort = tlsPort;
        this.trustStore = trustStore;
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
     * Starts the broker with these users (name to password; {@code grid-command*} users are the service's,
     * the others connect on the devices' listener) and these device ACL entries ({@code sensor:id},
     * {@code camera:id}, {@code worker:id}).
     */
    public static MosquittoFromConfig start(Path folder, Map<String, String> users, List<String> devices)
            throws IOException, InterruptedException {
        Path config = Path.of("mqtt-config");
        for (String dir : List.of("data", "secret", "config")) {
            Files.createDirectories(folder.resolve(dir));
        }
        int port = Ports.free();
        int servicePort = Ports.free();
        int tlsPort = Ports.free();
        Path trustStore = makeCertificates(folder);
        Path root = folder.toAbsolutePath();
        String conf = Files.readString(config.resolve("mosquitto.conf"))
                .replaceAll("(?m)^listener 1883$", "listener " + port + " 127.0.0.1")
                .replaceAll("(?m)^listener 1884$", "listener " + servicePort + " 127.0.0.1")
                .replace("/mosquitto/", root + "/")
                + "\nlistener " + tlsPort + " 127.0.0.1\n"
                + "allow_anonymous false\n"
                + "password_file " + root.resolve("secret/service-passwd") + "\n"
                + "acl_file " + root.resolve("config/acl") + "\n"
                + "certfile " + root.resolve("server.crt") + "\n"
                + "keyfile " + root.resolve("server.key") + "\n";
        Files.writeString(folder.resolve("mosquitto.conf"), conf);
        writePasswords(config, root.resolve("secret/service-passwd"), users, true);
        writePasswords(config, root.resolve("secret/passwd"), users, false);
        List<String> acl = new ArrayList<>(List.of(config.resolve("make-acl.sh").toString(),
                root.resolve("config/acl").toString()));
        acl.addAll(devices);
        run(acl, "");
        // As root, mosquitto drops to its own user, which must be able to read and write the folder.
        run(List.of("sh", "-c", "id -u mosquitto >/dev/null 2>&1 && [ $(id -u) = 0 ] && chown -R mosquitto "
                + folder.toAbsolutePath() + " || true"), "");
        Process process = new ProcessBuilder("mosquitto", "-c", folder.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("broker.log").toFile()).start();
        MosquittoFromConfig broker = new MosquittoFromConfig(process, port, servicePort, tlsPort, trustStore);
        broker.awaitListening(folder, port);
        broker.awaitListening(folder, servicePort);
        broker.awaitListening(folder, tlsPort);
        return broker;
    }

    /** The service's users ({@code grid-command*}) or everyone else's, with mqtt-config's script. */
    private static void writePasswords(Path config, Path file, Map<String, String> users, boolean service)
            throws IOException, InterruptedException {
        StringBuilder passwords = new StringBuilder();
        users.forEach((user, password) -> {
            if (user.startsWith("grid-command") == service) {
                passwords.append(user).append(':').append(password).append('\n');
            }
        });
        if (passwords.isEmpty()) {
            Files.writeString(file, ""); // nobody may connect on that listener
            return;
        }
        List<String> command = new ArrayList<>(List.of(config.resolve("make-passwords.sh").toString()));
        if (service) {
            command.add("--service");
        }
        command.add(file.toString());
        run(command, passwords.toString());
    }

    /** A CA, a server certificate for localhost signed by it, and a PKCS12 trust store holding the CA. */
    private static Path makeCertificates(Path folder) throws IOException, InterruptedException {
        String dir = folder.toAbsolutePath().toString();
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=grid-it-ca",
                "-keyout", dir + "/ca.key", "-out", dir + "/ca.crt"), "");
        run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", dir + "/server.key", "-out", dir + "/server.csr"), "");
        Files.writeString(folder.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(List.of("openssl", "x509", "-req", "-days", "2", "-in", dir + "/server.csr", "-CA", dir + "/ca.crt",
                "-CAkey", dir + "/ca.key", "-CAcreateserial", "-extfile", dir + "/san.ext", "-out", dir + "/server.crt"), "");
        Path trustStore = folder.resolve("trust.p12");
        run(List.of("keytool", "-importcert", "-noprompt", "-alias", "grid-it-ca", "-file", dir + "/ca.crt",
                "-keystore", trustStore.toAbsolutePath().toString(), "-storetype", "PKCS12",
                "-storepass", TRUST_STORE_PASSWORD), "");
        return trustStore;
    }

    private void awaitListening(Path folder, int port) throws IOException, InterruptedException {
        awaitListening(process, folder.resolve("broker.log"), port);
    }

    /** Waits until a mosquitto process listens on the port; fails with its log if it exits first. */
    public static void awaitListening(Process process, Path log, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
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

    /** The devices' listener, where a client's id is its username. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The service's listener, where only {@code grid-command*} users may connect. */
    public String serviceUrl() {
        return "tcp://127.0.0.1:" + servicePort;
    }

    /** The service's listener over TLS, by the name its certificate is for. */
    public String tlsUrl() {
        return "ssl://localhost:" + tlsPort;
    }

    /** JVM options that make a client trust this broker's certificate authority. */
    public String trustOptions() {
        return "-Djavax.net.ssl.trustStore=" + trustStore.toAbsolutePath()
                + " -Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12";
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
