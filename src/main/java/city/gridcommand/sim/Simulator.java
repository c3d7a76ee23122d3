package city.gridcommand.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a city's life against a broker: takes each next message from {@link CityLife}, publishes it when the
 * {@link Pacer} says it is due, until the message count or the duration is reached, printing progress every
 * second; then waits for the outstanding acknowledgements. With {@code --staff}, the centre's people work the
 * cases through the REST API meanwhile ({@link StaffSimulator}, on the city clock of {@link CityLife}). With
 * {@code --gateways=N}, the devices of N gateways publish through them ({@link GatewayFleet}); the pacing and
 * the message budget still count the city's messages, each reading once, whether it goes alone or in a batch.
 */
public final class Simulator {

    /** Most messages unacknowledged at once: enough to fill a broker's receive maximum several times. */
    static final int WINDOW = 2_000;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What a run did: {@code sent} MQTT messages (a gateway's batch is one), {@code acked} and {@code failed}
     * of them; {@code lastFailure} says why the last failed publish failed (null if none did); {@code staff}
     * what the staff did (null without {@code --staff}); {@code gateways} what the gateways did (null without
     * {@code --gateways}).
     */
    public record Summary(long sent, long acked, long failed, long elapsedMillis, long simulatedMillis,
            boolean drained, String lastFailure, StaffSimulator.Counts staff, GatewayCounts gateways) {

        public boolean clean() {
            return drained && failed == 0 && acked == sent;
        }
    }

    /**
     * What the gateways of a run did: how many there were, the readings they sent in how many batches, and the
     * readings lost while the dying gateway was down.
     */
    public record GatewayCounts(int gateways, long readings, long batches, long lost) {
    }

    private final CityLife life;
    private final MqttPublisher publisher;
    private final Deliveries deliveries;
    private final PrintStream out;
    private final StaffSimulator staff;
    private final AtomicLong sent = new AtomicLong();
    private GatewayFleet gateways;

    private Simulator(CityLife life, MqttPublisher publisher, Deliveries deliveries, StaffSimulator staff,
            PrintStream out) {
        this.life = life;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.staff = staff;
        this.out = out;
    }

    /**
     * Publishes {@code life} through a connection to {@code options.url()} at {@code options.rate()} until
     * {@code options.messages()} are sent or {@code options.duration()} has passed; with {@code options.staff()},
     * the staff work the cases meanwhile and stop when publishing does; with {@code options.gateways()}, the
     * devices of that many of the city's gateways publish through them.
     *
     * @throws IllegalStateException if the broker or, with staff, the service's API cannot be reached or
     *     refuses the staff's sign-in
     * @throws IllegalArgumentException if the city has fewer gateways than {@code options.gateways()}
     */
    public static Summary run(CityLife life, SimulateOptions options, PrintStream out) throws InterruptedException {
        GatewayChoice choice = GatewayChoice.of(life.city().devices(), options.gateways());
        Deliveries deliveries = new Deliveries();
        try (MqttPublisher publisher = MqttPublisher.connect(options.url(), options.username(), options.password(),
                WINDOW, deliveries)) {
            out.println("simulate: connected to " + options.url());
            StaffSimulator staff = options.staff() == null ? null : startStaff(life, options, out);
            try {
                return new Simulator(life, publisher, deliveries, staff, out).publishAll(options, choice);
            } finally {
                if (staff != null) {
                    staff.close();
                }
            }
        }
    }

    private static StaffSimulator startStaff(CityLife life, SimulateOptions options, PrintStream out)
            throws InterruptedException {
        try {
            return StaffSimulator.start(options.staff().api(), options.staff().password(), options.seed(),
                    life::simulatedMillis, out);
        } catch (IOException e) {
            throw new IllegalStateException("the staff cannot reach the service's API at " + options.staff().api()
                    + ": " + e, e);
        }
    }

    private Summary publishAll(SimulateOptions options, GatewayChoice choice) throws InterruptedException {
        Pacer pacer = new Pacer(options.rate());
        long budget = options.messages() != null ? options.messages() : pacer.messagesWithin(options.duration());
        if (!choice.gateways().isEmpty()) {
            gateways = GatewayFleet.connect(choice, options, budget, deliveries, this::publishAlone, sent, out);
        }
        try {
            return publishAll(options, pacer, budget);
        } finally {
            if (gateways != null) {
                gateways.close();
            }
        }
    }

    private Summary publishAll(SimulateOptions options, Pacer pacer, long budget) throws InterruptedException {
        long start = System.nanoTime();
        boolean timed = options.duration() != null;
        long deadline = timed ? start + options.duration().toNanos() : 0;
        Progress progress = new Progress(start);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "simulate-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> out.println(progress.line(System.nanoTime(), start, sent.get(),
                deliveries.ackedCount(), deliveries.failedCount(), life.simulatedMillis())
                + (gateways == null ? "" : "  " + gateways.line())
                + (staff == null ? "" : "  " + staff.counts().line())), 1, 1, TimeUnit.SECONDS);
        try {
            for (long i = 0; i < budget; i++) {
                long due = start + pacer.dueNanos(i);
                // Compared as differences: nanoTime may be negative and wrap.
                if (timed && (due - deadline >= 0 || System.nanoTime() - deadline >= 0)) {
                    break;
                }
                waitUntil(due);
                CityMessage message = life.next();
                if (gateways == null) {
                    publishAlone(message);
                } else {
                    gateways.send(message, i, life.simulatedMillis());
                }
            }
            if (gateways != null) {
                gateways.finish(life.simulatedMillis());
            }
            boolean drained = publisher.drain(DRAIN_TIMEOUT) && (gateways == null || gateways.drain(DRAIN_TIMEOUT));
            return new Summary(sent.get(), deliveries.ackedCount(), deliveries.failedCount(),
                    (System.nanoTime() - start) / 1_000_000, life.simulatedMillis(), drained,
                    deliveries.lastFailure() == null ? null : deliveries.lastFailure().toString(),
                    staff == null ? null : staff.counts(), gateways == null ? null : gateways.counts());
        } finally {
            ticker.shutdownNow();
        }
    }

    private void publishAlone(CityMessage message) {
        publisher.publish(message);
        sent.incrementAndGet();
    }

    private static void waitUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
