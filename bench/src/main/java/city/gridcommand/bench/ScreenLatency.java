package city.gridcommand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Signal-to-screen latency of the live feed: registers one smoke sensor in each of {@code --signals} base
 * cells of the grid in force, opens {@code --screens} WebSockets on {@code /ws/v1/live?scope=…}, waits for
 * their snapshots, then publishes one smoke reading per sensor (paced at {@code --rate}), each raising an
 * event whose {@code trigger.ts} is the reading's {@code ts}. Every screen records when each
 * {@code event.raised} of a bench sensor arrives; the latency is arrival minus {@code trigger.ts} (one
 * clock: the bench and the service on one machine). Prints one line on stdout:
 * {@code screens=… signals=… received=… expected=… p50=… p95=… p99=… max=…} (milliseconds).
 */
public final class ScreenLatency {

    static final String USAGE = """
            usage: java -cp grid-command-bench.jar city.gridcommand.bench.ScreenLatency [options]
              --http=<url>          the service's API, default http://127.0.0.1:8080
              --mqtt-host=<h> --mqtt-port=<p>   the broker the service listens to (default 127.0.0.1:1883)
              --admin-token=<t>     a token of an admin of '*' (registers the sensors)
              --screen-token=<t>    a token of a screen whose cells hold the scope
              --scope=<cell>        the screens' scope, default: the grid's first district
              --screens=<n>         WebSocket connections held (default 50)
              --signals=<n>         sensors, one reading each, in as many base cells (default 200)
              --rate=<n/s>          readings per second (default 20)
              --timeout=<s>         wait this long for the last arrival (default 60)
              --run-id=<id>         put into the sensor ids (default: start time)""";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("http", "mqtt-host", "mqtt-port", "admin-token", "screen-token", "scope",
                "screens", "signals", "rate", "timeout", "run-id"), USAGE);
        String http = args.string("http", "http://127.0.0.1:8080");
        String admin = args.string("admin-token", null);
        String screenToken = args.string("screen-token", null);
        if (admin == null || screenToken == null) {
            System.err.println("error: --admin-token and --screen-token are required\n" + USAGE);
            System.exit(2);
        }
        int screens = (int) args.longValue("screens", 50);
        int signals = (int) args.longValue("signals", 200);
        long rate = Math.max(1, args.longValue("rate", 20));
        long timeout = args.longValue("timeout", 60);
        String run = args.string("run-id", Long.toString(System.currentTimeMillis(), 36));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        JsonNode grid = JSON.readTree(get(client, http + "/api/v1/grids", admin));
        String scope = args.string("scope", null);
        List<String> cells = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (JsonNode feature : grid.get("features")) {
            JsonNode p = feature.get("properties");
            String code = p.get("code").asText();
            if (scope == null && "district".equals(p.path("level").asText())) {
                scope = code;
            }
            if ("base".equals(p.path("kind").asText()) && "grid".equals(p.path("level").asText())) {
                Point inside = interiorPoint(feature.get("geometry"));
                cells.add(code);
                points.add(new double[] {inside.getY(), inside.getX()});
            }
        }
        final String watched = scope;
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < cells.size() && chosen.size() < signals; i++) {
            if (cells.get(i).startsWith(watched)) {
                chosen.add(i);
            }
        }
        if (chosen.size() < signals) {
            System.err.printf("note: only %d base cells under %s: %d signals%n", chosen.size(), watched, chosen.size());
        }
        String prefix = "lat-" + run + "-";
        for (int n = 0; n < chosen.size(); n++) {
            double[] at = points.get(chosen.get(n));
            put(client, http + "/api/v1/devices/" + prefix + n, admin,
                    String.format(Locale.ROOT, "{\"type\":\"sensor\",\"lat\":%.7f,\"lon\":%.7f}", at[0], at[1]));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger snapshots = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        List<WebSocket> sockets = new ArrayList<>();
        URI ws = URI.create(http.replaceFirst("^http", "ws") + "/ws/v1/live?scope=" + watched);
        for (int s = 0; s < screens; s++) {
            sockets.add(client.newWebSocketBuilder().header("Authorization", "Bearer " + screenToken)
                    .buildAsync(ws, new Screen(prefix, latencies, snapshots, closed)).get(30, TimeUnit.SECONDS));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        while (snapshots.get() < screens && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        System.err.printf("%d screens open, %d snapshots, scope %s; publishing %d readings at %d/s%n", screens,
                snapshots.get(), watched, chosen.size(), rate);

        Mqtt5BlockingClient mqtt = MqttClient.builder().useMqttVersion5().identifier("screen-latency-" + run)
                .serverHost(args.string("mqtt-host", "127.0.0.1")).serverPort((int) args.longValue("mqtt-port", 1883))
                .buildBlocking();
        mqtt.connect();
        // the same raises on grid/v1/events/#, published by the writing instance right after its commit (no
        // change-log tail on the way): what the tail adds is the difference
        ConcurrentLinkedQueue<Long> topic = new ConcurrentLinkedQueue<>();
        mqtt.toAsync().subscribeWith().topicFilter("grid/v1/events/#").qos(MqttQos.AT_LEAST_ONCE).callback(publish -> {
            long now = System.currentTimeMillis();
            try {
                JsonNode message = JSON.readTree(publish.getPayloadAsBytes());
                JsonNode trigger = message.path("data").path("trigger");
                if ("event.raised".equals(message.path("type").asText()) && trigger.path("id").asText().startsWith(prefix)) {
                    topic.add(now - trigger.path("ts").asLong());
                }
            } catch (java.io.IOException e) {
                System.err.println("unreadable event topic message: " + e.getMessage());
            }
        }).send().get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        for (int n = 0; n < chosen.size(); n++) {
            long due = start + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":1,\"metrics\":{\"smoke\":0.8}}";
            mqtt.toAsync().publishWith().topic("grid/v1/sensors/" + prefix + n + "/telemetry")
                    .qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
        }
        long expected = (long) chosen.size() * screens;
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        while (latencies.size() < expected && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        mqtt.disconnect();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] viaTopic = topic.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "screens=%d signals=%d received=%d expected=%d closed=%d p50=%d p95=%d p99=%d max=%d"
                        + " topic_received=%d topic_p50=%d topic_p99=%d%n",
                screens, chosen.size(), sorted.length, expected, closed.get(), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.length == 0 ? -1 : sorted[sorted.length - 1], viaTopic.length,
                pct(viaTopic, 50), pct(viaTopic, 99));
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench over");
        }
        System.exit(sorted.length == expected ? 0 : 1);
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

    /** One screen: counts its snapshot, times every raise of a bench sensor. */
    private static final class Screen implements WebSocket.Listener {
        private final String prefix;
        private final ConcurrentLinkedQueue<Long> latencies;
        private final AtomicInteger snapshots;
        private final AtomicInteger closed;
        private final StringBuilder partial = new StringBuilder();

        Screen(String prefix, ConcurrentLinkedQueue<Long> latencies, AtomicInteger snapshots, AtomicInteger closed) {
            this.prefix = prefix;
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
                try {
                    JsonNode message = JSON.readTree(text);
                    String type = message.path("type").asText();
                    if (type.equals("snapshot")) {
                        snapshots.incrementAndGet();
                    } else if (type.equals("event.raised")) {
                        JsonNode trigger = message.path("data").path("trigger");
                        if (trigger.path("id").asText().startsWith(prefix)) {
                            latencies.add(now - trigger.path("ts").asLong());
                        }
                    }
                } catch (Exception e) {
                    System.err.println("unreadable message: " + e.getMessage());
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.incrementAndGet();
            System.err.printf("a screen was closed: %d %s%n", code, reason);
            return null;
        }
    }

}
