package city.gridcommand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Signal-to-screen latency of the live feed with many screens held. Registers one smoke sensor in each of
 * {@code --phases} x {@code --signals} base cells of the scope (spread over its communities), opens
 * {@code --screens} WebSockets on {@code /ws/v1/live?scope=…}, spread round-robin over the scope, its streets
 * and its communities, and waits for their snapshots. Then it takes commands on stdin, one a line:
 * <ul>
 *   <li>{@code phase NAME}: publishes one smoke reading (0.8) for each sensor of the next phase, paced at
 *       {@code --rate}, each raising an event whose {@code trigger.ts} is the reading's {@code ts}; every
 *       screen whose scope holds the event's cell times its {@code event.raised} (arrival minus
 *       {@code trigger.ts}, one clock); prints
 *       {@code phase=NAME screens=… signals=… received=… expected=… closed=… p50=… p95=… p99=… max=…
 *       topic_received=… topic_p50=… topic_p99=… alert_received=… alert_p50=… alert_p99=… alert_max=…} (ms)
 *       once every expected arrival came or the timeout passed; {@code topic} times the same raises on
 *       {@code grid/v1/events/#}, {@code alert} the first alert of each raise on any worker terminal
 *       ({@code grid/v1/workers/+/alerts}, from the reading's {@code ts});</li>
 *   <li>{@code quit}: closes the screens and exits.</li>
 * </ul>
 * Without commands (stdin at its end) it runs one phase, {@code rest}, and exits: the earlier behaviour.
 */
public final class ScreenLatency {

    static final String USAGE = """
            usage: java -cp grid-command-bench.jar city.gridcommand.bench.ScreenLatency [options]
              --http=<url>          the service's API, default http://127.0.0.1:8080
              --mqtt-host=<h> --mqtt-port=<p>   the broker the service listens to (default 127.0.0.1:1883)
              --admin-token=<t>     a token of an admin of '*' (registers the sensors)
              --screen-token=<t>    a token of a screen whose cells hold the scope
              --scope=<cell>        the root scope, default: the grid's first district
              --spread=<levels>     where the screens look: root (all on the scope), or root,street,community
                                    (default: round-robin over the scope and its streets and communities)
              --screens=<n>         WebSocket connections held (default 50)
              --opening=<n>         handshakes in flight at once while opening (default 32)
              --signals=<n>         readings per phase, one per sensor, each in a base cell of its own (default 200)
              --phases=<n>          phases the sensors are registered for (default 2)
              --rate=<n/s>          readings per second (default 20)
              --timeout=<s>         wait this long for the snapshots and each phase's last arrival (default 60)
              --alert-wait=<s>      after the screens' arrivals, wait up to this long for each raise's first
                                    alert on a worker terminal (default 5; 0 when the service sends no alerts)
              --run-id=<id>         put into the sensor ids (default: start time)""";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("http", "mqtt-host", "mqtt-port", "admin-token", "screen-token", "scope",
                "spread", "screens", "opening", "signals", "phases", "rate", "timeout", "alert-wait", "run-id"), USAGE);
        String http = args.string("http", "http://127.0.0.1:8080");
        String admin = args.string("admin-token", null);
        String screenToken = args.string("screen-token", null);
        if (admin == null || screenToken == null) {
            System.err.println("error: --admin-token and --screen-token are required\n" + USAGE);
            System.exit(2);
        }
        int screens = (int) args.longValue("screens", 50);
        int opening = (int) Math.max(1, args.longValue("opening", 32));
        int signals = (int) args.longValue("signals", 200);
        int phases = (int) Math.max(1, args.longValue("phases", 2));
        long rate = Math.max(1, args.longValue("rate", 20));
        long timeout = args.longValue("timeout", 60);
        long alertWait = args.longValue("alert-wait", 5);
        Set<String> spread = Set.of(args.string("spread", "root,street,community").split(","));
        String run = args.string("run-id", Long.toString(System.currentTimeMillis(), 36));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        // the grid: the root scope, its streets and communities, and its base cells grouped by community
        JsonNode grid = JSON.readTree(get(client, http + "/api/v1/grids", admin));
        String scope = args.string("scope", null);
        List<JsonNode> features = new ArrayList<>();
        grid.get("features").forEach(features::add);
        grid = null;
        if (scope == null) {
            scope = features.stream().map(f -> f.get("properties")).filter(p -> "district".equals(p.path("level").asText()))
                    .map(p -> p.get("code").asText()).findFirst().orElseThrow(() -> new IllegalStateException("no district"));
        }
        final String root = scope;
        List<String> scopes = new ArrayList<>();
        if (spread.contains("root")) {
            scopes.add(root);
        }
        Map<String, List<JsonNode>> baseByCommunity = new LinkedHashMap<>();
        for (JsonNode feature : features) {
            JsonNode p = feature.get("properties");
            String code = p.get("code").asText();
            String level = p.path("level").asText();
            if (!"base".equals(p.path("kind").asText()) || !code.startsWith(root) || code.equals(root)) {
                continue;
            }
            if (spread.contains(level)) {
                scopes.add(code);
            }
            if ("grid".equals(level)) {
                baseByCommunity.computeIfAbsent(code.substring(0, Math.min(code.length(), 12)), c -> new ArrayList<>())
                        .add(feature);
            }
        }
        if (scopes.isEmpty()) {
            scopes.add(root);
        }
        // the signals' cells: one from each community in turn, so every phase touches the whole scope
        List<String> cells = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        int wanted = signals * phases;
        for (int i = 0; cells.size() < wanted; i++) {
            boolean any = false;
            for (List<JsonNode> base : baseByCommunity.values()) {
                if (i < base.size() && cells.size() < wanted) {
                    JsonNode feature = base.get(i);
                    Point inside = interiorPoint(feature.get("geometry"));
                    cells.add(feature.get("properties").get("code").asText());
                    points.add(new double[] {inside.getY(), inside.getX()});
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        features = null;
        int perPhase = cells.size() / phases;
        if (perPhase < signals) {
            System.err.printf("note: only %d base cells under %s: %d signals a phase%n", cells.size(), root, perPhase);
        }
        String prefix = "lat-" + run + "-";
        for (int n = 0; n < phases * perPhase; n++) {
            double[] at = points.get(n);
            put(client, http + "/api/v1/devices/" + sensor(prefix, n), admin,
                    String.format(Locale.ROOT, "{\"type\":\"sensor\",\"lat\":%.7f,\"lon\":%.7f}", at[0], at[1]));
        }
        System.err.printf("%d sensors registered; screens spread over %d scopes under %s%n", phases * perPhase,
                scopes.size(), root);

        // the screens
        Map<Integer, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        AtomicInteger snapshots = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> screenScopes = new ArrayList<>();
        String base = http.replaceFirst("^http", "ws") + "/ws/v1/live?scope=";
        Semaphore inFlight = new Semaphore(opening);
        AtomicInteger failed = new AtomicInteger();
        long openStart = System.nanoTime();
        List<CompletableFuture<WebSocket>> opened = new ArrayList<>();
        for (int s = 0; s < screens; s++) {
            String screenScope = scopes.get(s % scopes.size());
            screenScopes.add(screenScope);
            inFlight.acquire();
            opened.add(client.newWebSocketBuilder().header("Authorization", "Bearer " + screenToken)
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(base + screenScope), new Screen(prefix, perPhase, latencies, snapshots, closed))
                    .whenComplete((socket, error) -> {
                        inFlight.release();
                        if (error != null) {
                            if (failed.getAndIncrement() < 5) {
                                System.err.println("a screen could not open: " + error);
                            }
                        } else {
                            sockets.add(socket);
                        }
                    }));
        }
        for (CompletableFuture<WebSocket> f : opened) {
            try {
                f.join();
            } catch (RuntimeException e) {
                // counted above
            }
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        while (snapshots.get() < sockets.size() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        System.err.printf("%d screens open (%d failed), %d snapshots in %.1f s%n", sockets.size(), failed.get(),
                snapshots.get(), openSeconds);
        System.out.printf(Locale.ROOT, "open screens=%d failed=%d snapshots=%d seconds=%.1f scopes=%d%n", sockets.size(),
                failed.get(), snapshots.get(), openSeconds, scopes.size());
        System.out.flush();

        Mqtt5BlockingClient mqtt = MqttClient.builder().useMqttVersion5().identifier("screen-latency-" + run)
                .serverHost(args.string("mqtt-host", "127.0.0.1")).serverPort((int) args.longValue("mqtt-port", 1883))
                .buildBlocking();
        mqtt.connect();
        // the same raises on grid/v1/events/#, published by the writing instance right after its commit (no
        // change-log tail on the way): what the tail adds is the difference
        Map<Integer, ConcurrentLinkedQueue<Long>> topic = new ConcurrentHashMap<>();
        mqtt.toAsync().subscribeWith().topicFilter("grid/v1/events/#").qos(MqttQos.AT_LEAST_ONCE).callback(publish -> {
            long now = System.currentTimeMillis();
            try {
                JsonNode message = JSON.readTree(publish.getPayloadAsBytes());
                JsonNode trigger = message.path("data").path("trigger");
                int n = index(prefix, trigger.path("id").asText());
                if ("event.raised".equals(message.path("type").asText()) && n >= 0) {
                    topic.computeIfAbsent(n / Math.max(1, perPhase), k -> new ConcurrentLinkedQueue<>())
                            .add(now - trigger.path("ts").asLong());
                }
            } catch (java.io.IOException e) {
                System.err.println("unreadable event topic message: " + e.getMessage());
            }
        }).send().get(10, TimeUnit.SECONDS);
        // the alerts those raises send to worker terminals (grid/v1/workers/{id}/alerts): the first alert of
        // each raise, on whichever terminal, timed from the reading's ts (signal to the first person told)
        Map<Integer, ConcurrentLinkedQueue<Long>> alerted = new ConcurrentHashMap<>();
        Set<Integer> alertedSensors = ConcurrentHashMap.newKeySet();
        mqtt.toAsync().subscribeWith().topicFilter("grid/v1/workers/+/alerts").qos(MqttQos.AT_LEAST_ONCE).callback(publish -> {
            long now = System.currentTimeMillis();
            try {
                JsonNode message = JSON.readTree(publish.getPayloadAsBytes());
                if (!"alert".equals(message.path("kind").asText())) {
                    return;
                }
                for (JsonNode event : message.path("events")) {
                    JsonNode trigger = event.path("trigger");
                    int n = index(prefix, trigger.path("id").asText());
                    if (n >= 0 && alertedSensors.add(n)) {
                        alerted.computeIfAbsent(n / Math.max(1, perPhase), k -> new ConcurrentLinkedQueue<>())
                                .add(now - trigger.path("ts").asLong());
                    }
                }
            } catch (java.io.IOException e) {
                System.err.println("unreadable alert: " + e.getMessage());
            }
        }).send().get(10, TimeUnit.SECONDS);

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int phase = 0;
        boolean allCame = true;
        String line;
        while ((line = commands.readLine()) != null || phase == 0) {
            String command = line == null ? "phase rest" : line.trim();
            if (command.equals("quit")) {
                break;
            }
            if (!command.startsWith("phase ")) {
                System.err.println("unknown command: " + command);
                continue;
            }
            if (phase >= phases) {
                System.out.println("phase=" + command.substring(6) + " error=no-sensors-left");
                System.out.flush();
                continue;
            }
            int first = phase * perPhase;
            final int current = phase;
            latencies.computeIfAbsent(current, k -> new ConcurrentLinkedQueue<>());
            long expected = 0;
            for (int n = first; n < first + perPhase; n++) {
                for (String screenScope : screenScopes) {
                    if (cells.get(n).startsWith(screenScope)) {
                        expected++;
                    }
                }
            }
            long start = System.nanoTime();
            for (int n = first; n < first + perPhase; n++) {
                long due = start + (n - first) * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":1,\"metrics\":{\"smoke\":0.8}}";
                mqtt.toAsync().publishWith().topic("grid/v1/sensors/" + sensor(prefix, n) + "/telemetry")
                        .qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
            }
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
            ConcurrentLinkedQueue<Long> arrived = latencies.get(current);
            while (arrived.size() < expected && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            long[] sorted = arrived.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] viaTopic = topic.getOrDefault(current, new ConcurrentLinkedQueue<>()).stream()
                    .mapToLong(Long::longValue).sorted().toArray();
            long alertsUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(alertWait);
            while (alerted.getOrDefault(current, new ConcurrentLinkedQueue<>()).size() < perPhase
                    && System.nanoTime() < alertsUntil) {
                Thread.sleep(100);
            }
            long[] toTerminals = alerted.getOrDefault(current, new ConcurrentLinkedQueue<>()).stream()
                    .mapToLong(Long::longValue).sorted().toArray();
            allCame &= sorted.length == expected;
            System.out.printf(Locale.ROOT, "phase=%s screens=%d signals=%d received=%d expected=%d closed=%d p50=%d p95=%d"
                            + " p99=%d max=%d topic_received=%d topic_p50=%d topic_p99=%d alert_received=%d alert_p50=%d"
                            + " alert_p99=%d alert_max=%d%n",
                    command.substring(6), sockets.size(), perPhase, sorted.length, expected, closed.get(),
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? -1 : sorted[sorted.length - 1],
                    viaTopic.length, pct(viaTopic, 50), pct(viaTopic, 99), toTerminals.length, pct(toTerminals, 50),
                    pct(toTerminals, 99), toTerminals.length == 0 ? -1 : toTerminals[toTerminals.length - 1]);
            System.out.flush();
            phase++;
            if (line == null) {
                break;
            }
        }
        mqtt.disconnect();
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench over");
        }
        System.exit(allCame ? 0 : 1);
    }

    private static String sensor(String prefix, int n) {
        return prefix + n;
    }

    /** The sensor's number from its id, or -1 for an id of another run. */
    private static int index(String prefix, String id) {
        if (!id.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(id.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A point inside the first polygon of a GeoJSON Polygon or MultiPolygon (its outer ring). */
    private static Point interiorPoint(JsonNode geometry) {
        JsonNode rings = geometry.get("coordinates");
        JsonNode outer = "MultiPolygon".equals(geometry.path("type").asText()) ? rings.get(0).get(0) : rings.get(0);
        Coordinate[] ring = new Coordinate[outer.size()];
        for (int i = 0; i < outer.size(); i++) {
            ring[i] = new Coordinate(outer.get(i).get(0).asDouble(), outer.get(i).get(1).asDouble());
        }
        GeometryFactory factory = new GeometryFactory();
        return factory.createPolygon(ring).getInteriorPoint();
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String get(HttpClient client, String url, String token) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void put(HttpClient client, String url, String token, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** One screen: counts its snapshot, times every raise of a bench sensor, by the sensor's phase. */
    private static final class Screen implements WebSocket.Listener {
        private final String prefix;
        private final int perPhase;
        private final Map<Integer, ConcurrentLinkedQueue<Long>> latencies;
        private final AtomicInteger snapshots;
        private final AtomicInteger closed;
        private final StringBuilder partial = new StringBuilder();

        Screen(String prefix, int perPhase, Map<Integer, ConcurrentLinkedQueue<Long>> latencies,
                AtomicInteger snapshots, AtomicInteger closed) {
            this.prefix = prefix;
            this.perPhase = Math.max(1, perPhase);
            this.latencies = latencies;
            this.snapshots = snapshots;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.currentTimeMillis();
                String text = partial.toString();
                partial.setLength(0);
                // only raises are parsed: stats and the like are counted by nobody
                if (text.contains("\"type\":\"event.raised\"") && text.contains(prefix)) {
                    try {
                        JsonNode message = JSON.readTree(text);
                        JsonNode trigger = message.path("data").path("trigger");
                        int n = index(prefix, trigger.path("id").asText());
                        if ("event.raised".equals(message.path("type").asText()) && n >= 0) {
                            latencies.computeIfAbsent(n / perPhase, k -> new ConcurrentLinkedQueue<>())
                                    .add(now - trigger.path("ts").asLong());
                        }
                    } catch (Exception e) {
                        System.err.println("unreadable message: " + e.getMessage());
                    }
                } else if (text.contains("\"type\":\"snapshot\"")) {
                    snapshots.incrementAndGet();
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.incrementAndGet();
            if (closed.get() <= 5) {
                System.err.printf("a screen was closed: %d %s%n", code, reason);
            }
            return null;
        }
    }

}
