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
 * cases through the REST API meanwhile ({@link StaffSimulator}, on the city clock of {@link CityLife}).
 */
public final class Simulator {

    /** Most messages unacknowledged at once: enough to fill a broker's receive maximum several times. */
    static final int WINDOW = 2_000;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What a run did; {@code lastFailure} says why the last failed publish failed (null if none did);
     * {@code staff} what the staff did (null without {@code --staff}).
     */
    public record Summary(long sent, long acked, long failed, long elapsedMillis, long simulatedMillis,
            boolean drained, String lastFailure, StaffSimulator.Counts staff) {

        public boolean clean() {
            return drained && failed == 0 && acked == sent;
        }
    }

    private final CityLife life;
    private final MqttPublisher publisher;
    private final PrintStream out;
    private final StaffSimulator staff;
    private final AtomicLong sent = new AtomicLong();

    private Simulator(CityLife life, MqttPublisher publisher, StaffSimulator staff, PrintStream out) {
        this.life = life;
        this.publisher = publisher;
        this.staff = staff;
        this.out = out;
    }

    /**
     * Publishes {@code life} through a connection to {@code options.url()} at {@code options.rate()} until
     * {@code options.messages()} are sent or {@code options.duration()} has passed; with {@code options.staff()},
     * the staff work the cases meanwhile and stop when publishing does.
     *
     * @throws IllegalStateException if the broker or, with staff, the service's API cannot be reached or
     *     refuses the staff's sign-in
     */
    public static Summary run(CityLife life, SimulateOptions options, PrintStream out) throws InterruptedException {
        try (MqttPublisher publisher = MqttPublisher.connect(options.url(), options.username(), options.password(),
                WINDOW)) {
            out.println("simulate: connected to " + options.url());
            StaffSimulator staff = options.staff() == null ? null : startStaff(life, options, out);
            try {
                return new Simulator(life, publisher, staff, out).publishAll(options);
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

    private Summary publishAll(SimulateOptions options) throws InterruptedException {
        Pacer pacer = new Pacer(options.rate());
        long budget = options.messages() != null ? options.messages() : pacer.messagesWithin(options.duration());
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
                publisher.acked(), publisher.failed(), life.simulatedMillis())
                + (staff == null ? "" : "  " + staff.counts().line())), 1, 1, TimeUnit.SECONDS);
        try {
            for (long i = 0; i < budget; i++) {
                long due = start + pacer.dueNanos(i);
                // Compared as differences: nanoTime may be negative and wrap.
                if (timed && (due - deadline >= 0 || System.nanoTime() - deadline >= 0)) {
                    break;
                }
                waitUntil(due);
                publisher.publish(life.next());
                sent.incrementAndGet();
            }
            boolean drained = publisher.drain(DRAIN_TIMEOUT);
            return new Summary(sent.get(), publisher.acked(), publisher.failed(),
                    (System.nanoTime() - start) / 1_000_000, life.simulatedMillis(), drained,
                    publisher.lastFailure() == null ? null : publisher.lastFailure().toString(),
                    staff == null ? null : staff.counts());
        } finally {
            ticker.shutdownNow();
        }
    }

    private static void waitUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
