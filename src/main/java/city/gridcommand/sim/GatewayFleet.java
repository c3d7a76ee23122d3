package city.gridcommand.sim;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The gateways of a run ({@code simulate --gateways=N}) on the wire: one connection per chosen gateway
 * ({@link GatewayLink}), the traffic that decides what each sends ({@link GatewayTraffic}), and the one outage
 * ({@link GatewayOutage}) of the dying gateway, announced on the progress output when it dies and comes back.
 * Messages of devices not behind a chosen gateway go to {@code alone}.
 */
final class GatewayFleet implements AutoCloseable {

    private final GatewayChoice choice;
    private final GatewayTraffic traffic;
    private final GatewayOutage outage;
    private final Map<String, GatewayLink> links = new LinkedHashMap<>();
    private final Consumer<CityMessage> alone;
    private final AtomicLong sent;
    private final LongSupplier clock;
    private final PrintStream out;
    /** The gateway whose line is cut now, or null; the progress line reads it from another thread. */
    private volatile String down;

    private GatewayFleet(GatewayChoice choice, long budget, Consumer<CityMessage> alone, AtomicLong sent,
            LongSupplier clock, PrintStream out) {
        this.choice = choice;
        this.traffic = new GatewayTraffic(choice);
        this.outage = new GatewayOutage(budget);
        this.alone = alone;
        this.sent = sent;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Connects every chosen gateway, each saying it is online; {@code alone} publishes the other messages
     * (and counts them in {@code sent}). Throws {@link IllegalStateException} if the broker cannot be reached.
     */
    static GatewayFleet connect(GatewayChoice choice, SimulateOptions options, long budget, Deliveries deliveries,
            Consumer<CityMessage> alone, AtomicLong sent, PrintStream out) {
        GatewayFleet fleet = new GatewayFleet(choice, budget, alone, sent, System::currentTimeMillis, out);
        try {
            for (String gateway : choice.gateways()) {
                GatewayLink link = new GatewayLink(gateway, options, deliveries, gateway.equals(choice.dying()),
                        fleet.clock);
                fleet.links.put(gateway, link);
                fleet.publish(link.connect());
            }
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
        out.println("simulate: " + choice.gateways().size() + " gateways connected (" + choice.behind().size()
                + " devices behind them): " + String.join(", ", choice.gateways()) + "; " + choice.dying()
                + " will die once");
        return fleet;
    }

    /** Sends message {@code index} of the run, made at city time {@code simMillis}, and lives the outage. */
    void send(CityMessage message, long index, long simMillis) throws InterruptedException {
        switch (outage.at(index, simMillis)) {
            case DIE -> die(simMillis);
            case COME_BACK -> comeBack(simMillis);
            case NOTHING -> {
            }
        }
        publishAll(traffic.route(message, simMillis, clock.getAsLong()));
    }

    /** The run is over: the last batches go out, the dying gateway comes back if it is still away. */
    void finish(long simMillis) {
        if (outage.away()) {
            outage.cameBack();
            comeBack(simMillis);
        }
        publishAll(traffic.flushAll());
    }

    /** Waits for every gateway's messages to be acknowledged; false on timeout. */
    boolean drain(Duration timeout) throws InterruptedException {
        boolean drained = true;
        for (GatewayLink link : links.values()) {
            drained &= link.drain(timeout);
        }
        return drained;
    }

    /** For the progress line: readings sent through gateways, in how many batches, and lost while one was down. */
    String line() {
        return String.format(Locale.ROOT, "gateways %d%s: %,d readings in %,d batches, %,d lost", links.size(),
                down != null ? " (" + down + " down)" : "", traffic.readings(), traffic.batches(),
                traffic.lost());
    }

    /** What the gateways did, for the run's summary. */
    Simulator.GatewayCounts counts() {
        return new Simulator.GatewayCounts(links.size(), traffic.readings(), traffic.batches(), traffic.lost());
    }

    private void die(long simMillis) throws InterruptedException {
        String gateway = choice.dying();
        publishAll(traffic.die(gateway));
        links.get(gateway).die();
        down = gateway;
        out.println("simulate: gateway " + gateway + " died at city time " + Progress.clock(simMillis)
                + ": its line cut without DISCONNECT, the broker publishes its last will ("
                + choice.behind().values().stream().filter(gateway::equals).count() + " devices go dark)");
    }

    private void comeBack(long simMillis) {
        String gateway = choice.dying();
        publish(links.get(gateway).connect());
        down = null;
        List<CityMessage> stillAway = traffic.back(gateway, clock.getAsLong());
        publishAll(stillAway);
        out.println("simulate: gateway " + gateway + " is back at city time " + Progress.clock(simMillis)
                + " after " + Progress.clock(simMillis - outage.diedAtMillis()) + " away: online again, "
                + traffic.away(gateway).size() + " of its devices still away");
    }

    private void publishAll(List<CityMessage> messages) {
        messages.forEach(this::publish);
    }

    private void publish(CityMessage message) {
        GatewayLink link = message.feed() == CityMessage.Feed.GATEWAY ? links.get(message.sender()) : null;
        if (link == null) {
            alone.accept(message);
            return;
        }
        link.publish(message);
        sent.incrementAndGet();
    }

    @Override
    public void close() {
        links.values().forEach(GatewayLink::close);
    }
}
