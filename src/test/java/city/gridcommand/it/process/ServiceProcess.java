package city.gridcommand.it.process;

import city.gridcommand.testing.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child JVM, as production runs it:
 * the API on its own HTTP port, health on its own management port (GRID_MANAGEMENT_PORT), and every API
 * call with a bearer token (mint one with {@link #token} — the jar's own {@code token} command, with this
 * process's settings — or with {@code TestTokens} after writing its key to GRID_AUTH_SIGNING_KEY).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> environment;
    private final Path logs;
    private final int httpPort;
    private final int managementPort;
    private Process process;
    private int starts;

    public ServiceProcess(Map<String, String> environment, Path logs) {
        this.httpPort = Ports.free();
        int management = Ports.free();
        while (management == httpPort) {
            management = Ports.free();
        }
        this.managementPort = management;
        this.environment = new HashMap<>(environment);
        this.environment.put("GRID_HTTP_PORT", Integer.toString(httpPort));
        this.environment.put("GRID_MANAGEMENT_PORT", Integer.toString(managementPort));
        this.logs = logs;
    }

    /** Sets an environment variable for the starts that follow; {@code null} removes it. */
    public void setting(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
    }

    /** Starts the service and waits until it reports ready, its ingest subscribed to the broker. */
    public void start() throws IOException, InterruptedException {
        launch();
        awaitReady(true);
    }

    /** Starts the service and waits until its API is ready, whether or not it reaches a broker. */
    public void startApi() throws IOException, InterruptedException {
        launch();
        awaitReady(false);
    }

    /**
     * Starts the service expecting it to stop by itself (a refused configuration); its exit status.
     *
     * @throws IllegalStateException when it still runs after {@code within} (it is stopped then)
     */
    public int runUntilItExits(Duration within) throws IOException, InterruptedException {
        launch();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("the service still ran after " + within + "; see " + log());
        }
        return process.exitValue();
    }

    private void launch() throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after 'package' (mvnw verify)");
        }
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(java("-Xmx512m")).redirectErrorStream(true)
                .redirectOutput(logs.resolve("service-" + (++starts) + ".log").toFile());
        environmentOf(builder);
        process = builder.start();
    }

    /**
     * The test's environment with this service's settings on top; sign-in settings only as the test gives
     * them (none inherited), so each test says which issuer its service trusts.
     */
    private void environmentOf(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(name -> name.startsWith("GRID_AUTH_"));
        builder.environment().putAll(environment);
    }

    private static List<String> java(String... options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.add("-jar");
        command.add(JAR.toString());
        return command;
    }

    private void awaitReady(boolean ingest) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + logs);
            }
            // the API is ready with the database; messages flow once the ingest group is UP (subscribed)
            if (management("/q/health/ready") == 200 && (!ingest || management("/q/health/group/ingest") == 200)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become ready; see " + logs);
    }

    /** What the latest start wrote (stdout and stderr). */
    public String log() throws IOException {
        return Files.readString(logs.resolve("service-" + starts + ".log"), StandardCharsets.UTF_8);
    }

    /**
     * {@code java -jar quarkus-run.jar token ARGS} with this service's environment (data directory, signing
     * key, issuer and claim settings): the token it prints.
     */
    public String token(String... args) throws IOException, InterruptedException {
        List<String> command = java();
        command.add("token");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        environmentOf(builder);
        Process tool = builder.start();
        String printed = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            throw new IllegalStateException("token " + String.join(" ", args) + " failed: " + printed);
        }
        return printed;
    }

    /** GET on the management port (health, metrics, OpenAPI); the status code, or -1 when it does not answer. */
    public int management(String path) throws InterruptedException {
        return status(URI.create("http://127.0.0.1:" + managementPort + path));
    }

    /** GET on the API without a token; the status code, or -1 when it does not answer. */
    public int get(String path) throws InterruptedException {
        return status(api(path));
    }

    private static int status(URI uri) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** GET on the API with a bearer token: the status code and the body. */
    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUT of a JSON body with a bearer token: the status code and the body. */
    public HttpResponse<String> put(String path, String json, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a JSON body with a bearer token: the status code and the body. */
    public HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token);
    }

    /** The root of the API's public port, {@code http://127.0.0.1:{port}/} (its WebSockets too). */
    public URI root() {
        return api("/");
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
