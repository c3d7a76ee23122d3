package city.gridcommand.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The broker-only ceiling: a subscriber that does the least any consumer must do (receive at QoS 1, parse
 * the JSON, count, acknowledge automatically), so the service's rate can be read against it. Prints
 * "ready" to stderr once subscribed, a progress line per second, and at the end one line on stdout:
 * {@code received=<n> seconds=<first to last message> rate=<n/s>}.
 *
 * <p>Exit status: 0 when {@code --expect} was reached (or none was asked), 1 otherwise, 2 on bad options
 * or a failed connect.
 */
public final class BareSubscriber {

    static final String TOPIC_FILTER = "grid/v1/sensors/+/telemetry";

    static final String USAGE = """
            usage: java -cp grid-command-bench.jar city.gridcommand.bench.BareSubscriber [options]
              %s
              --expect=<n>        exit once n messages arrived after the warm-up (default 0: no target)
              --warmup=<n>        the first n messages are parsed but neither timed nor counted (default 0)
              --idle-exit=<s>     exit when nothing arrived for s seconds after the first message (default 10)
              --max-wait=<s>      exit after s seconds whatever happened (default 3600)
              --topic=<filter>    default %s
              --quiet             no progress lines
            """.formatted(Broker.OPTIONS, TOPIC_FILTER);

    private static final Set<String> KNOWN =
            Set.of("host", "port", "username", "password", "expect", "warmup", "idle-exit", "max-wait", "topic", "quiet");

    private final ObjectMapper mapper = new ObjectMapper();
    /** Every message, warm-up included. */
    private final AtomicLong total = new AtomicLong();
    private final LongAdder unparsable = new LongAdder();
    /** Messages that are not timed nor counted in the result: the first ones, while the JVMs warm up. */
    private long warmup;
    /** When the first counted message arrived (0: none yet). */
    private volatile long firstNanos;
    private volatile long lastNanos;
    /** Why the broker connection was lost (null while connected). */
    private volatile String lostConnection;
    /** Set once subscribed and cleared before our own disconnect: only then is a disconnect a loss. */
    private volatile boolean listening;

    private BareSubscriber() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv, KNOWN, USAGE);
        int status;
        try {
            status = new BareSubscriber().run(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            status = 2;
        } catch (InterruptedException e) {
            status = 1;
        }
        System.exit(status);
    }

    private void onMessage(Mqtt5Publish publish) {
        long now = System.nanoTime();
        try {
            mapper.readTree(publish.getPayloadAsBytes());
        } catch (IOException e) {
            unparsable.increment();
        }
        if (total.incrementAndGet() == warmup + 1) {
            firstNanos = now;
        }
        lastNanos = now;
    }

    /** Messages counted in the result: those after the warm-up. */
    private long received() {
        return Math.max(0, total.get() - warmup);
    }

    private int run(Args args) throws InterruptedException {
        Broker broker = Broker.from(args);
        long expect = args.longValue("expect", 0);
        warmup = args.longValue("warmup", 0);
        long idleNanos = TimeUnit.SECONDS.toNanos(args.longValue("idle-exit", 10));
        long maxWaitNanos = TimeUnit.SECONDS.toNanos(args.longValue("max-wait", 3600));
        String filter = args.string("topic", TOPIC_FILTER);
        boolean quiet = args.has("quiet");

        Mqtt5AsyncClient client = broker.client("bench-sub-" + ProcessHandle.current().pid(), context -> {
            if (listening) {
                lostConnection = context.getSource() + ": " + context.getCause().getMessage();
                System.err.println("error: connection lost (" + lostConnection + ")");
            }
        });
        broker.connect(client);
        try {
            client.subscribeWith()
                    .topicFilter(filter)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .callback(this::onMessage)
                    .send()
                    .get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot subscribe to " + filter + ": " + e, e);
        }
        listening = true;
        System.err.printf("ready: subscribed to %s on mqtt://%s:%d (qos 1)%n", filter, broker.host(), broker.port());

        long start = System.nanoTime();
        long lastCount = 0;
        long lastTick = start;
        String why;
        while (true) {
            Thread.sleep(expect > 0 ? 20 : 100);
            long now = System.nanoTime();
            long n = received();
            if (now - lastTick >= 1_000_000_000L) {
                if (!quiet) {
                    System.err.printf(Locale.ROOT, "[sub %4ds] received=%d rate=%.1f/s%n",
                            (now - start) / 1_000_000_000L, n, (n - lastCount) / ((now - lastTick) / 1e9));
                }
                lastCount = n;
                lastTick = now;
            }
            if (expect > 0 && n >= expect) {
                why = "expected count reached";
                break;
            }
            if (total.get() > 0 && idleNanos > 0 && now - lastNanos > idleNanos) {
                why = "idle for " + idleNanos / 1_000_000_000L + " s";
                break;
            }
            if (lostConnection != null) {
                why = "connection lost";
                break;
            }
            if (now - start > maxWaitNanos) {
                why = "max wait reached";
                break;
            }
        }
        listening = false;
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // counting is over; the broker drops the clean session either way
        }
        long n = received();
        double seconds = n > 0 ? (lastNanos - firstNanos) / 1e9 : 0;
        System.err.printf("done (%s): %d received after %d warm-up, %d unparsable%n", why, n,
                Math.min(total.get(), warmup), unparsable.sum());
        System.out.printf(Locale.ROOT, "received=%d seconds=%.3f rate=%.1f%n", n, seconds,
                seconds > 0 ? n / seconds : 0.0);
        System.out.flush();
        return lostConnection == null && (expect == 0 || n >= expect) ? 0 : 1;
    }
}
