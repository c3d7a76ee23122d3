package city.gridcommand.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes sensor telemetry over MQTT 5, paced or as fast as the broker acknowledges: each device alone on
 * {@code grid/v1/sensors/{deviceId}/telemetry}, or, with {@code --gateways}, gateways each holding one
 * connection and publishing batches of their devices' readings on
 * {@code grid/v1/gateways/{gatewayId}/telemetry}. One sender thread per connection owns its share of the
 * devices, so every device's {@code seq} increases from 1 without locking. Progress goes to stderr once a
 * second; the result is one line on stdout: {@code published=<n> acked=<n> failed=<n> seconds=<x>
 * rate=<acked/s>} (messages), and with gateways {@code published=<messages> acked=<messages>
 * failed=<messages> readings=<acked readings> seconds=<x> rate=<readings/s> msg_rate=<messages/s>}.
 *
 * <p>Exit status: 0 when every publish was acknowledged, 1 when some failed or were never acknowledged,
 * 2 on bad options or a failed connect.
 */
public final class LoadGenerator {

    static final String USAGE = """
            usage: java -jar grid-command-bench.jar [options]
              %s
              --rate=<msgs/s total>     0 = as fast as acknowledgements allow (default 0)
              --duration=<s> | --count=<n>   how long or how many in total (default --count=100000)
              --qos=0|1                 default 1 (QoS 0 counts a publish written to the socket as acked)
              --connections=<n>         MQTT connections, one sender thread each (default 4)
              --gateways=<n>            gateway mode: n gateways, one connection each (client id = gateway
                                        id), publishing on grid/v1/gateways/<id>/telemetry; --count, --rate
                                        and --warmup then count readings, not messages
              --batch=<b>               gateway mode: readings per message, spread over the gateway's
                                        devices (default 50)
              --gateway-prefix=<p>      default benchgw-; gateway id = <prefix><run-id>-<i>
              --devices=<n>             distinct device ids, spread over the connections (default 1000)
              --device-prefix=<p>       default bench-
              --run-id=<id>             put into device ids so runs don't collide (default: start time)
              --max-inflight=<n>        unacknowledged publishes per connection (default 1000)
              --drain-timeout=<s>       give up when no ack comes for this long, also at the end (default 60)
              --warmup=<n>              first send n messages (same devices, same rate), wait for their
                                        acks, pause, and leave them out of the result (default 0)
              --warmup-pause=<s>        pause after the warm-up so consumers catch up (default 3)
              --quiet                   no progress lines
            device id = <prefix><run-id>-<index>, e.g. bench-20250101T120000-000042; with gateways the
            devices are spread over them (gateway i has devices i, i+n, i+2n, ...)
            """.formatted(Broker.OPTIONS);

    private static final Set<String> KNOWN = Set.of("host", "port", "username", "password", "rate", "duration",
            "count", "qos", "connections", "devices", "device-prefix", "run-id", "max-inflight", "drain-timeout",
            "warmup", "warmup-pause", "quiet", "gateways", "batch", "gateway-prefix");

    private LoadGenerator() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv, KNOWN, USAGE);
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    private static int run(Args args) throws IllegalArgumentException {
        Broker broker = Broker.from(args);
        double rate = args.doubleValue("rate", 0);
        long durationSeconds = args.longValue("duration", 0);
        long count = args.longValue("count", durationSeconds > 0 ? 0 : 100_000);
        int qosLevel = args.intValue("qos", 1);
        int devices = args.intValue("devices", 1000);
        int gateways = args.intValue("gateways", 0);
        int batch = args.intValue("batch", 50);
        int connections = gateways > 0 ? gateways : Math.min(args.intValue("connections", 4), devices);
        int maxInflight = args.intValue("max-inflight", 1000);
        long drainSeconds = args.longValue("drain-timeout", 60);
        String prefix = args.string("device-prefix", "bench-");
        long warmup = args.longValue("warmup", 0);
        long warmupPause = args.longValue("warmup-pause", 3);
        boolean quiet = args.has("quiet");
        String runId = args.string("run-id",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        if (rate < 0 || count < 0 || warmup < 0 || warmupPause < 0 || durationSeconds < 0 || devices < 1 || connections < 1 || maxInflight < 1) {
            throw new IllegalArgumentException("rate, count, duration, warmup must be >= 0; devices, connections, "
                    + "max-inflight >= 1");
        }
        if (gateways < 0 || batch < 1) {
            throw new IllegalArgumentException("--gateways must be >= 0 and --batch >= 1");
        }
        if (gateways == 0 && args.has("batch")) {
            throw new IllegalArgumentException("--batch is for gateways: give --gateways too");
        }
        if (gateways > 0 && args.has("connections")) {
            throw new IllegalArgumentException("give --gateways or --connections, not both: a gateway is one connection");
        }
        if (gateways > devices) {
            throw new IllegalArgumentException("--gateways=" + gateways + " needs at least as many --devices, got "
                    + devices);
        }
        if (qosLevel != 0 && qosLevel != 1) {
            throw new IllegalArgumentException("--qos must be 0 or 1");
        }
        if (durationSeconds > 0 && args.has("count")) {
            throw new IllegalArgumentException("give --duration or --count, not both");
        }
        if (durationSeconds == 0 && count == 0) {
            throw new IllegalArgumentException("nothing to send: --count=0 and no --duration");
        }
        if (durationSeconds > 0 && rate == 0) {
            System.err.println("note: --duration with --rate=0 floods for that long");
        }
        if (!(prefix + runId).matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("device ids may hold only [A-Za-z0-9._:-]: " + prefix + runId);
        }
        String gatewayPrefix = args.string("gateway-prefix", "benchgw-") + runId + "-";
        if (gateways > 0 && !(gatewayPrefix + (gateways - 1)).matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("gateway ids are 1-64 characters of [A-Za-z0-9._:-]: "
                    + gatewayPrefix + (gateways - 1));
        }
        MqttQos qos = qosLevel == 0 ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE;
        if (durationSeconds > 0 && rate > 0) {
            // paced for a duration: exactly rate x duration messages (the clock cut would drop the last one)
            count = Math.round(rate * durationSeconds);
        }

        List<Sender> senders = new ArrayList<>();
        List<Mqtt5AsyncClient> clients = new ArrayList<>();
        Stats stats = new Stats();
        try {
            String idPrefix = prefix + runId + "-";
            for (int c = 0; c < connections; c++) {
                int[] owned = devicesOf(c, connections, devices);
                Feed feed = gateways > 0 ? new GatewayBatch(gatewayPrefix + c, idPrefix, owned, batch)
                        : new DeviceFeed(idPrefix, owned);
                String clientId = gateways > 0 ? gatewayPrefix + c : "bench-gen-" + runId + "-" + c;
                Mqtt5AsyncClient client = broker.client(clientId);
                Mqtt5ConnAck connAck = broker.connect(client);
                clients.add(client);
                if (c == 0) {
                    System.err.printf("connected %d x mqtt://%s:%d; broker receive maximum %d, our in-flight "
                            + "bound %d per connection%n", connections, broker.host(), broker.port(),
                            connAck.getRestrictions().getReceiveMaximum(), maxInflight);
                }
                senders.add(new Sender(client, qos, feed, maxInflight, drainSeconds));
            }
            String unit = gateways > 0 ? "readings" : "messages";
            if (warmup > 0) {
                System.err.printf("warm-up: %d %s, not counted in the result%n", warmup, unit);
                Stats warm = phase(senders, warmup, rate, 0, drainSeconds, quiet, "warm", gateways > 0);
                System.err.printf("warm-up done: %d acked, %d failed; pausing %d s%n", warm.acked.sum(),
                        warm.failed.sum(), warmupPause);
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmupPause));
            }
            if (gateways > 0) {
                System.err.printf("sending %s to grid/v1/gateways/%s<n>/telemetry in batches of %d at %s, qos %d, "
                        + "%d gateways, %d devices (%s%s-<n>)%n",
                        count > 0 ? count + " readings" : durationSeconds + " s", gatewayPrefix, batch,
                        rate > 0 ? Args.fmt(rate) + " readings/s" : "full speed", qosLevel, gateways, devices,
                        prefix, runId);
            } else {
                System.err.printf("sending %s to grid/v1/sensors/%s%s-<n>/telemetry at %s, qos %d, %d devices%n",
                        count > 0 ? count + " messages" : durationSeconds + " s", prefix, runId,
                        rate > 0 ? Args.fmt(rate) + " msg/s" : "full speed", qosLevel, devices);
            }
            stats = phase(senders, count, rate, durationSeconds, drainSeconds, quiet, "gen", gateways > 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Mqtt5AsyncClient client : clients) {
                try {
                    client.disconnect().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // the result is already counted; a failed disconnect changes nothing
                }
            }
        }

        long published = stats.published.sum();
        long acked = stats.acked.sum();
        long failed = stats.failed.sum();
        double seconds = stats.seconds();
        System.err.printf("done: %d published, %d acked, %d failed, %d unanswered; last answer at epoch ms %d%n",
                published, acked, failed, published - acked - failed, stats.lastCompletionEpochMillis());
        if (failed > 0 && stats.firstError != null) {
            System.err.println("first failure: " + stats.firstError);
        }
        String secondsText = String.format(java.util.Locale.ROOT, "%.3f", seconds);
        if (gateways > 0) {
            long readings = stats.ackedReadings.sum();
            System.out.printf("published=%d acked=%d failed=%d readings=%d seconds=%s rate=%s msg_rate=%s%n",
                    published, acked, failed, readings, secondsText, Args.fmt(seconds > 0 ? readings / seconds : 0),
                    Args.fmt(seconds > 0 ? acked / seconds : 0));
        } else {
            System.out.printf("published=%d acked=%d failed=%d seconds=%s rate=%s%n", published, acked, failed,
                    secondsText, Args.fmt(seconds > 0 ? acked / seconds : 0));
        }
        System.out.flush();
        return failed == 0 && acked == published ? 0 : 1;
    }

    /**
     * Sends {@code count} readings (or for {@code durationSeconds}) over all senders, one thread each, then
     * waits for their acknowledgements; returns what was counted. Progress lines count readings too when
     * {@code batches} (a message then holds many).
     */
    private static Stats phase(List<Sender> senders, long count, double rate, long durationSeconds,
            long drainSeconds, boolean quiet, String label, boolean batches) throws InterruptedException {
        Stats stats = new Stats();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        if (!quiet) {
            Progress progress = new Progress(stats, label, batches);
            ticker.scheduleAtFixedRate(progress::print, 1, 1, TimeUnit.SECONDS);
        }
        int n = senders.size();
        stats.start();
        long start = System.nanoTime();
        // with a count too (paced duration), the deadline is only a backstop for a sender that falls behind
        long deadline = durationSeconds == 0 ? 0
                : start + TimeUnit.SECONDS.toNanos(durationSeconds) + (count > 0 ? 1_000_000_000L : 0);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Sender sender = senders.get(c);
            long share = count == 0 ? 0 : count / n + (c < count % n ? 1 : 0);
            Thread t = new Thread(() -> sender.run(stats, share, rate / n, start, deadline), "sender-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        for (Sender sender : senders) {
            if (!sender.drain(drainUntil)) {
                System.err.println("warning: publishes still unacknowledged after " + drainSeconds + " s");
                break;
            }
        }
        ticker.shutdownNow();
        return stats;
    }

    /** Device indexes owned by connection {@code c}: every {@code connections}-th one. */
    static int[] devicesOf(int c, int connections, int devices) {
        int n = devices / connections + (c < devices % connections ? 1 : 0);
        int[] owned = new int[n];
        for (int i = 0; i < n; i++) {
            owned[i] = c + i * connections;
        }
        return owned;
    }

    /**
     * Prints one progress line per second: totals and the acknowledgement rate over the last second, of
     * messages, and of readings too for batches.
     */
    private static final class Progress {
        private final Stats stats;
        private final String label;
        private final boolean batches;
        private long lastAcked;
        private long lastReadings;
        private long lastNanos = System.nanoTime();

        Progress(Stats stats, String label, boolean batches) {
            this.stats = stats;
            this.label = label;
            this.batches = batches;
        }

        void print() {
            long now = System.nanoTime();
            long acked = stats.acked.sum();
            long readings = stats.ackedReadings.sum();
            double seconds = (now - lastNanos) / 1e9;
            double rate = (acked - lastAcked) / seconds;
            double readingRate = (readings - lastReadings) / seconds;
            lastAcked = acked;
            lastReadings = readings;
            lastNanos = now;
            long published = stats.published.sum();
            long failed = stats.failed.sum();
            if (batches) {
                System.err.printf("[%s %4ds] sent=%d acked=%d failed=%d inflight=%d readings=%d rate=%s readings/s "
                        + "%s msg/s%n", label, Math.round(stats.elapsedSeconds()), published, acked, failed,
                        published - acked - failed, readings, Args.fmt(readingRate), Args.fmt(rate));
            } else {
                System.err.printf("[%s %4ds] sent=%d acked=%d failed=%d inflight=%d rate=%s/s%n",
                        label, Math.round(stats.elapsedSeconds()), published, acked, failed, published - acked - failed,
                        Args.fmt(rate));
            }
        }
    }
}
